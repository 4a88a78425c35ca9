using System.Net;
using DigitalAlmaty.Tests.Support;
using DigitalAlmaty.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DigitalAlmaty.Tests.Web.Csrf;

/// <summary>
/// Cross-site request forgery (issue #13): every form of the portal, posted as another site's page
/// would post it (no token, or a token from the attacker's own session), is refused with 400 and
/// changes nothing: no row, no mail, no sign-in or sign-out.
/// </summary>
public sealed class AntiforgeryTests(AntiforgeryTests.Fixture fixture) : IClassFixture<AntiforgeryTests.Fixture>
{
    public sealed class Fixture : PortalFactory;

    public enum Forgery
    {
        NoToken,
        OtherSessionsToken,
    }

    private const string Password = "Victim-Pass-2026";
    private const string TokenField = "__RequestVerificationToken";

    private static string Describe(PostTarget target) =>
        target.Fields.TryGetValue("_handler", out var handler) ? $"{target.Url} ({handler})" : target.Url;

    public static TheoryData<string, Forgery> Cases()
    {
        var cases = new TheoryData<string, Forgery>();
        foreach (var target in PortalPostTargets.Forms)
        {
            cases.Add(Describe(target), Forgery.NoToken);
            cases.Add(Describe(target), Forgery.OtherSessionsToken);
        }

        return cases;
    }

    [Fact]
    public void EveryFormIsDescribedOnce() =>
        Assert.Equal(PortalPostTargets.Forms.Count, PortalPostTargets.Forms.Select(Describe).Distinct().Count());

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task AForgedPost_IsRefused_AndChangesNothing(string form, Forgery forgery)
    {
        var target = PortalPostTargets.Forms.Single(t => Describe(t) == form);
        var email = $"victim-{Guid.NewGuid():N}@example.kz";
        var victim = await fixture.CreateUserAsync(email, Password, "Жертва подделки", target.Roles ?? []);
        var seed = new SubmissionSeed(fixture);
        // Someone else's idea: the victim may support and follow it.
        var other = await fixture.NewUserAsync("Автор идеи");
        var idea = await seed.IdeaAsync(other.Id, "Опубликованная идея", SubmissionSeed.Submit(other.Id), SubmissionSeed.Approve());
        var cityEvent = await seed.EventAsync(victim.Id, "Опубликованное событие", SubmissionSeed.Submit(victim.Id), SubmissionSeed.Approve());

        // The victim's browser: signed in where the form needs it, holding the portal's antiforgery cookie.
        using var client = target.SignedIn ? await fixture.SignedInClientAsync(email, Password) : fixture.CreatePortalClient();
        await client.GetAsync("/Identity/Account/Login");
        var fields = target.Fields.ToDictionary(
            f => f.Key,
            f => f.Value.Replace("{email}", email, StringComparison.Ordinal).Replace("{password}", Password, StringComparison.Ordinal));
        if (forgery == Forgery.OtherSessionsToken)
        {
            fields[TokenField] = await AttackersOwnTokenAsync(target.SignedIn);
        }

        var url = target.Url.Replace("{idea}", idea.Id.ToString(), StringComparison.Ordinal).Replace("{event}", cityEvent.Id.ToString(), StringComparison.Ordinal);
        var before = await FingerprintAsync(victim.Id);

        var response = await client.PostAsync(url, new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain(response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [], c => c.StartsWith("da.auth", StringComparison.Ordinal));
        // Letters go out in the background; give one the time it would need to appear.
        await Task.Delay(TimeSpan.FromMilliseconds(300));
        Assert.Equal(before, await FingerprintAsync(victim.Id));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(target.SignedIn ? "/Identity/Account/Manage" : "/claims/new")).StatusCode);
    }

    /// <summary>A valid token, but issued to the attacker's own session (signed in to their own account when the form needs one).</summary>
    private async Task<string> AttackersOwnTokenAsync(bool signedIn)
    {
        using var attacker = signedIn ? await fixture.SignedInClientAsync((await fixture.NewUserAsync("Злоумышленник")).Email) : fixture.CreatePortalClient();
        var page = await HtmlPage.GetAsync(attacker, "/claims/new");
        return page.Value($"input[name={TokenField}]") ?? throw new InvalidOperationException("No antiforgery token on the claim form.");
    }

    /// <summary>Everything a forged post could have changed, as one comparable string.</summary>
    private async Task<string> FingerprintAsync(string victimId)
    {
        await using var db = await fixture.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var victim = await db.Users.AsNoTracking().SingleAsync(u => u.Id == victimId);
        var mails = Directory.Exists(fixture.MailDirectory) ? Directory.GetFiles(fixture.MailDirectory).Length : 0;
        return string.Join('|',
            await db.Users.CountAsync(), await db.Claims.CountAsync(), await db.ContentFlags.CountAsync(),
            await db.IdeaSupports.CountAsync(), await db.Follows.CountAsync(), await db.CityAnswers.CountAsync(), await db.Ideas.SumAsync(i => i.SupportCount),
            await db.AgreementAcceptances.CountAsync(), await db.SignIns.CountAsync(), await db.AuditLog.CountAsync(),
            await db.Notifications.CountAsync(n => n.ReadAt != null), await db.UserTokens.CountAsync(),
            victim.DisplayName, victim.Email, victim.PasswordHash, victim.SecurityStamp, victim.TwoFactorEnabled,
            victim.PasswordResetRequired, victim.EmailConfirmed, mails);
    }
}
