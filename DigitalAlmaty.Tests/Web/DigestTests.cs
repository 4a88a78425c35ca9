using System.Net;
using System.Security.Claims;
using DigitalAlmaty.Domain.Accounts;
using DigitalAlmaty.Domain.Participation;
using DigitalAlmaty.Domain.Time;
using DigitalAlmaty.Tests.Support;
using DigitalAlmaty.Web.Data;
using DigitalAlmaty.Web.Features.Participation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using static DigitalAlmaty.Tests.Support.SubmissionSeed;

namespace DigitalAlmaty.Tests.Web;

/// <summary>
/// The e-mail digest through the real SMTP test server: a follower on the daily digest gets the
/// city's answer once (also with two senders at once), in their language, with links on the public
/// address and a signed unsubscribe link that works without signing in; one-click unsubscribe too.
/// </summary>
public sealed class DigestTests(DigestTests.Fixture fixture) : IClassFixture<DigestTests.Fixture>
{
    public const string PublicBase = "https://portal.digital-almaty.test";

    public sealed class Fixture() : PortalFactory(new Dictionary<string, string?>
    {
        ["Email:Smtp:Host"] = TestServers.SmtpHost,
        ["Email:Smtp:Port"] = TestServers.SmtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Email:Smtp:Security"] = "None",
        ["Portal:PublicBaseUrl"] = PublicBase,
    });

    private async Task<T> WithDbAsync<T>(Func<PortalDbContext, Task<T>> use)
    {
        await using var db = await fixture.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        return await use(db);
    }

    private static async Task<IReadOnlyList<MimeMessage>> LettersToAsync(string address, int atLeast, TimeSpan wait)
    {
        var deadline = DateTime.UtcNow + wait;
        while (true)
        {
            var found = new List<MimeMessage>();
            foreach (var file in Directory.GetFiles(Path.Combine(TestServers.SmtpMaildir, "new")))
            {
                var message = await MimeMessage.LoadAsync(file);
                if (message.To.Mailboxes.Any(m => string.Equals(m.Address, address, StringComparison.OrdinalIgnoreCase)))
                {
                    found.Add(message);
                }
            }

            if (found.Count >= atLeast || DateTime.UtcNow > deadline)
            {
                return found;
            }

            await Task.Delay(200);
        }
    }

    [Fact]
    public async Task AFollowerOnTheDailyDigest_GetsTheAnswerOnce_AndUnsubscribesWithoutSigningIn()
    {
        var (author, _) = await fixture.NewUserAsync("Автор Идеи");
        var idea = await new SubmissionSeed(fixture).IdeaAsync(author, "Фонтанчики с питьевой водой", Submit(author), Approve());
        var (follower, followerEmail) = await fixture.NewUserAsync("Подписчик Данияр");
        var (weekly, weeklyEmail) = await fixture.NewUserAsync("Еженедельный Читатель");
        await WithDbAsync(db => db.Users.Where(u => u.Id == follower).ExecuteUpdateAsync(set => set
            .SetProperty(u => u.DigestFrequency, DigestFrequency.Daily).SetProperty(u => u.PreferredCulture, "kk-KZ")));
        using (var scope = fixture.Services.CreateScope())
        {
            var follows = scope.ServiceProvider.GetRequiredService<FollowService>();
            foreach (var reader in new[] { follower, weekly })
            {
                Assert.True(await follows.SetAsync(new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, reader)], "test")), idea.Id, follow: true));
            }

            var editor = await fixture.StaffPrincipalAsync(PortalRoles.Editor);
            Assert.True((await scope.ServiceProvider.GetRequiredService<CityAnswerService>()
                .AnswerAsync(editor, idea.Id, CityStatus.Accepted, "Идея принята, фонтанчики поставят летом.", "Идея қабылданды, субұрқақтар жазда орнатылады.", null)).Succeeded);
        }

        // Tomorrow morning in Almaty: today's daily digest is due. Two nodes try at once.
        var tomorrow = AlmatyTime.FromLocal(AlmatyTime.Today(DateTimeOffset.UtcNow).AddDays(1).ToDateTime(new TimeOnly(9, 0)));
        var runs = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
        {
            using var scope = fixture.Services.CreateScope();
            return await scope.ServiceProvider.GetRequiredService<DigestSender>().RunAsync(tomorrow);
        })));

        var letters = await LettersToAsync(followerEmail, 1, TimeSpan.FromSeconds(10));
        var letter = Assert.Single(letters);
        // One node sent the daily period (the author, notified too, is on the weekly digest); the other found it taken.
        Assert.Equal([0, 1], runs.Order());
        Assert.Contains("«Фонтанчики с питьевой водой» идеясын қабылдады", letter.TextBody, StringComparison.Ordinal);
        Assert.Contains($"{PublicBase}/ideas/{idea.Id}", letter.HtmlBody, StringComparison.Ordinal);
        var oneClick = letter.Headers["List-Unsubscribe"];
        Assert.StartsWith($"<{PublicBase}/digest/one-click?token=", oneClick, StringComparison.Ordinal);
        Assert.Equal("List-Unsubscribe=One-Click", letter.Headers["List-Unsubscribe-Post"]);
        Assert.Empty(await LettersToAsync(weeklyEmail, 0, TimeSpan.Zero));

        // Again, on any node: the period was sent, nothing goes twice.
        using (var scope = fixture.Services.CreateScope())
        {
            Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<DigestSender>().RunAsync(tomorrow));
        }

        Assert.Single(await LettersToAsync(followerEmail, 2, TimeSpan.FromSeconds(1)));

        // The link in the letter, opened without signing in: it asks first, then turns the digest off.
        var link = System.Text.RegularExpressions.Regex.Match(letter.HtmlBody!, "href=\"" + PublicBase + "(/digest/unsubscribe\\?[^\"]+)\"").Groups[1].Value;
        using var anonymous = fixture.CreatePortalClient();
        var page = await HtmlPage.GetAsync(anonymous, WebUtility.HtmlDecode(link));
        Assert.NotNull(page.Document.QuerySelector("[data-testid=unsubscribe-button]"));
        Assert.Equal(DigestFrequency.Daily, await WithDbAsync(db => db.Users.Where(u => u.Id == follower).Select(u => u.DigestFrequency).SingleAsync()));
        var done = await page.SubmitAsync(anonymous, new Dictionary<string, string>());
        Assert.NotNull(done.Document.QuerySelector("[data-testid=unsubscribe-done]"));
        Assert.Equal(DigestFrequency.Off, await WithDbAsync(db => db.Users.Where(u => u.Id == follower).Select(u => u.DigestFrequency).SingleAsync()));
    }

    [Fact]
    public async Task OneClickUnsubscribe_TakesTheSignedTokenOnly()
    {
        var (reader, _) = await fixture.NewUserAsync("Читатель Писем");
        var token = fixture.Services.GetRequiredService<DigestTokens>().For(reader);
        using var client = fixture.CreatePortalClient();
        var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["List-Unsubscribe"] = "One-Click" });

        var altered = await client.PostAsync("/digest/one-click?token=" + Uri.EscapeDataString(token + "x"), form);
        Assert.True(altered.StatusCode == HttpStatusCode.NotFound, $"{altered.StatusCode}: {await altered.Content.ReadAsStringAsync()}");
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync("/digest/one-click?token=" + Uri.EscapeDataString(reader), form)).StatusCode);
        Assert.Equal(DigestFrequency.Weekly, await WithDbAsync(db => db.Users.Where(u => u.Id == reader).Select(u => u.DigestFrequency).SingleAsync()));

        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/digest/one-click?token=" + Uri.EscapeDataString(token), form)).StatusCode);
        Assert.Equal(DigestFrequency.Off, await WithDbAsync(db => db.Users.Where(u => u.Id == reader).Select(u => u.DigestFrequency).SingleAsync()));
        var invalid = await HtmlPage.GetAsync(client, "/digest/unsubscribe?token=forged");
        Assert.NotNull(invalid.Document.QuerySelector("[data-testid=unsubscribe-invalid]"));
    }
}
