using System.Net;
using System.Security.Claims;
using DigitalAlmaty.Domain.Accounts;
using DigitalAlmaty.Domain.Time;
using DigitalAlmaty.Tests.Support;
using DigitalAlmaty.Web.Data;
using DigitalAlmaty.Web.Features.Agreement;
using DigitalAlmaty.Web.Features.Blocking;
using DigitalAlmaty.Web.Features.Submissions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static DigitalAlmaty.Tests.Web.ModerationServiceTests;

namespace DigitalAlmaty.Tests.Web;

/// <summary>The user agreement's versions (1.4–1.6, 4.1.1): publishing, the public pages, and the acceptance gate.</summary>
public sealed class AgreementTests(AgreementTests.Fixture fixture) : IClassFixture<AgreementTests.Fixture>
{
    public sealed class Fixture : PortalFactory;

    private const string Password = "Agreement-Pass-2026";

    private static DateOnly Today => AlmatyTime.Today(DateTimeOffset.UtcNow);

    private async Task<(PortalUser User, ClaimsPrincipal Principal)> UserAsync(string name, params string[] roles)
    {
        var user = await fixture.CreateUserAsync($"{Guid.NewGuid():N}@example.kz", Password, name, roles);
        return (user, Principal(user.Id, roles));
    }

    private async Task<GovernanceResult> PublishAsync(ClaimsPrincipal who, string text, bool notable, string summary = "Уточнены правила публикации.")
    {
        using var scope = fixture.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AgreementService>()
            .PublishAsync(who, new AgreementDraft(text, Today, summary, notable));
    }

    private async Task<int> PublishAsAdminAsync(string text, bool notable, string summary = "Уточнены правила публикации.")
    {
        var (_, admin) = await UserAsync("Администратор соглашения", PortalRoles.Admin);
        var result = await PublishAsync(admin, text, notable, summary);
        Assert.True(result.Succeeded, result.ErrorCode);
        return result.Number;
    }

    private async Task<T> WithDbAsync<T>(Func<PortalDbContext, Task<T>> read)
    {
        var databases = fixture.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        await using var db = await databases.CreateDbContextAsync();
        return await read(db);
    }

    private Task<List<(int Number, AcceptanceHow How)>> AcceptancesAsync(string userId) =>
        WithDbAsync(async db => (await (
                from a in db.AgreementAcceptances
                join v in db.AgreementVersions on a.VersionId equals v.Id
                where a.UserId == userId
                orderby a.Id
                select new { v.Number, a.How }).ToListAsync())
            .Select(x => (x.Number, x.How)).ToList());

    private async Task<HttpClient> SignedInAsync(string email)
    {
        var client = fixture.CreatePortalClient();
        var login = await HtmlPage.GetAsync(client, "/Identity/Account/Login");
        var home = await login.SubmitAsync(client, new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = Password });
        Assert.NotEmpty(home.Redirects);
        Assert.DoesNotContain("/Identity/Account/Login", home.Response.RequestMessage!.RequestUri!.AbsolutePath, StringComparison.Ordinal);
        return client;
    }

    private async Task<SubmissionResult> SaveIdeaAsync(ClaimsPrincipal who)
    {
        using var scope = fixture.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<SubmissionService>()
            .SaveIdeaAsync(who, Guid.NewGuid(), SubmissionSeed.IdeaContent("Идея после нового соглашения"), null);
    }

    [Fact]
    public async Task Publish_IsForAdminsOnly_ValidatesFields_AndIsAudited()
    {
        var (_, plain) = await UserAsync("Обычный пользователь");
        var (_, moderator) = await UserAsync("Модератор", PortalRoles.Moderator);
        var before = await WithDbAsync(db => db.AgreementVersions.CountAsync());

        foreach (var who in new[] { plain, moderator, new ClaimsPrincipal(new ClaimsIdentity()) })
        {
            var refused = await PublishAsync(who, "# Текст", notable: false);
            Assert.False(refused.Succeeded);
            Assert.Equal(GovernanceResult.NotAllowed, refused.ErrorCode);
        }

        Assert.Equal(before, await WithDbAsync(db => db.AgreementVersions.CountAsync()));

        var (adminUser, admin) = await UserAsync("Администратор", PortalRoles.Admin);
        using (var scope = fixture.Services.CreateScope())
        {
            var invalid = await scope.ServiceProvider.GetRequiredService<AgreementService>()
                .PublishAsync(admin, new AgreementDraft("  ", Today.AddDays(-1), "", false));
            Assert.Equal(GovernanceResult.Invalid, invalid.ErrorCode);
            Assert.Equal("Validation.Required", invalid.FieldErrors[nameof(AgreementDraft.Markdown)]);
            Assert.Equal("Validation.Required", invalid.FieldErrors[nameof(AgreementDraft.ChangeSummary)]);
            Assert.Equal("Validation.DateInPast", invalid.FieldErrors[nameof(AgreementDraft.EffectiveFrom)]);
        }

        var published = await PublishAsync(admin, "# Соглашение\n\nТекст редакции.", notable: false, "Первая редакция.");
        Assert.True(published.Succeeded, published.ErrorCode);
        var audit = await WithDbAsync(db => db.AuditLog.AsNoTracking()
            .SingleAsync(a => a.Action == "Agreement.Publish" && a.SubjectId == published.Number.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(adminUser.Id, audit.ActorId);
        Assert.Contains("Первая редакция.", audit.Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AdminPage_IsForAdminsOnly_AndLabelsEveryField()
    {
        var (plain, _) = await UserAsync("Не администратор");
        using var plainClient = await SignedInAsync(plain.Email!);
        var refused = await plainClient.GetAsync("/admin/agreement");
        Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);

        using var anonymous = fixture.CreatePortalClient();
        Assert.NotEqual(HttpStatusCode.OK, (await anonymous.GetAsync("/admin/agreement")).StatusCode);

        var (admin, _) = await UserAsync("Администратор страницы", PortalRoles.Admin);
        using var adminClient = await SignedInAsync(admin.Email!);
        var page = await HtmlPage.GetAsync(adminClient, "/admin/agreement");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        foreach (var id in new[] { "agreement-text", "agreement-file", "agreement-date", "agreement-summary", "agreement-notable" })
        {
            Assert.NotNull(page.Document.QuerySelector($"#{id}"));
            Assert.False(string.IsNullOrWhiteSpace(page.Document.QuerySelector($"label[for={id}]")?.TextContent), id);
        }
    }

    [Fact]
    public async Task VersionsPages_ListEveryVersion_AtStableUrls_WithAReadableDiff()
    {
        var first = await PublishAsAdminAsync("# Соглашение\n\nПользователь публикует идеи после проверки.", notable: false, "Редакция для сравнения А.");
        var second = await PublishAsAdminAsync("# Соглашение\n\nПользователь публикует идеи и события после проверки модератором.", notable: false, "Редакция для сравнения Б.");
        using var client = fixture.CreatePortalClient();

        var list = await HtmlPage.GetAsync(client, "/agreement/versions");
        Assert.Equal(HttpStatusCode.OK, list.Status);
        Assert.NotNull(list.Document.QuerySelector($"[data-number='{first}'] a[href='agreement/versions/{first}']"));
        Assert.Contains("Редакция для сравнения Б.", list.Text, StringComparison.Ordinal);
        Assert.Contains("Действует с", list.Text, StringComparison.Ordinal);

        var version = await HtmlPage.GetAsync(client, $"/agreement/versions/{first}");
        Assert.Equal(HttpStatusCode.OK, version.Status);
        Assert.Contains("Пользователь публикует идеи после проверки.", version.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/agreement/versions/9999")).StatusCode);

        var current = await HtmlPage.GetAsync(client, "/agreement");
        Assert.Contains($"Редакция {second}, действует с", current.Document.QuerySelector("[data-testid=in-force]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("события после проверки модератором", current.Text, StringComparison.Ordinal);

        var diff = await HtmlPage.GetAsync(client, $"/agreement/diff?from={first}&to={second}");
        Assert.Equal(HttpStatusCode.OK, diff.Status);
        var inserted = string.Concat(diff.Document.QuerySelectorAll("[data-testid=agreement-diff] ins").Select(e => e.TextContent));
        Assert.Contains("события", inserted, StringComparison.Ordinal);
        Assert.Contains("модератором", inserted, StringComparison.Ordinal);
        Assert.DoesNotContain(diff.Document.QuerySelectorAll("[data-testid=agreement-diff] del"), e => e.TextContent.Contains("Пользователь", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/agreement/diff?from={first}&to=9999")).StatusCode);

        var kazakh = await HtmlPage.GetAsync(client, $"/agreement/diff?from={first}&to={second}&culture=kk-KZ");
        Assert.Contains("Өзгерістер", kazakh.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Registration_RecordsAnExplicitAcceptance_OfTheVersionInForce()
    {
        var number = await PublishAsAdminAsync("# Соглашение для регистрации", notable: false);
        var email = $"reg-{Guid.NewGuid():N}@example.kz";
        using var client = fixture.CreatePortalClient();
        var form = await HtmlPage.GetAsync(client, "/Identity/Account/Register");
        await form.SubmitAsync(client, new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Новый участник",
            ["Input.Email"] = email,
            ["Input.Password"] = Password,
            ["Input.ConfirmPassword"] = Password,
            ["Input.AcceptAgreement"] = "true",
        });

        var userId = await WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
        var acceptance = Assert.Single(await AcceptancesAsync(userId));
        Assert.True(acceptance.Number >= number);
        Assert.Equal(AcceptanceHow.Explicit, acceptance.How);
    }

    [Fact]
    public async Task NotableVersion_RefusesWrites_UntilAccepted_ThenReturnsToTheDestination()
    {
        var (user, principal) = await UserAsync("Автор до новой редакции");
        using var client = await SignedInAsync(user.Email!);
        await PublishAsAdminAsync("# Соглашение\n\nСущественно новая редакция.", notable: true, "Новые правила для событий.");

        var refused = await SaveIdeaAsync(principal);
        Assert.False(refused.Succeeded);
        Assert.Equal(WriteRefusal.AgreementRequired, refused.ErrorCode);
        using (var scope = fixture.Services.CreateScope())
        {
            Assert.False(await scope.ServiceProvider.GetRequiredService<AgreementService>().HasAcceptedCurrentNotableAsync(user.Id));
        }

        // Reading stays open, with a notice that leads to the acceptance page.
        var home = await HtmlPage.GetAsync(client, "/ideas");
        Assert.Equal(HttpStatusCode.OK, home.Status);
        Assert.NotNull(home.Document.QuerySelector("[data-testid=agreement-notice] a[href^='agreement/accept']"));

        var accept = await HtmlPage.GetAsync(client, "/agreement/accept?returnUrl=%2Fideas%2Fnew");
        Assert.Equal(HttpStatusCode.OK, accept.Status);
        Assert.Contains("Новые правила для событий.", accept.Text, StringComparison.Ordinal);
        var back = await accept.SubmitAsync(client, new Dictionary<string, string>(), "[data-testid=accept-form]");

        Assert.EndsWith("/ideas/new", back.Redirects[0], StringComparison.Ordinal);
        Assert.Equal("/ideas/new", back.Response.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal(AcceptanceHow.Explicit, (await AcceptancesAsync(user.Id))[^1].How);
        var saved = await SaveIdeaAsync(principal);
        Assert.True(saved.Succeeded, saved.ErrorCode);
    }

    [Fact]
    public async Task AcceptPage_ReturnsOnlyToLocalAddresses_AndDeclineSignsOutWithTheData()
    {
        var (user, _) = await UserAsync("Несогласный");
        using var client = await SignedInAsync(user.Email!);
        await PublishAsAdminAsync("# Соглашение\n\nЕщё одна существенная редакция.", notable: true);

        var evil = await HtmlPage.GetAsync(client, "/agreement/accept?returnUrl=https%3A%2F%2Fevil.example%2F");
        Assert.Equal("/", evil.Document.QuerySelector("[data-testid=accept-form] input[name=returnUrl]")!.GetAttribute("value"));

        var declined = await evil.SubmitAsync(client, new Dictionary<string, string>(), "[data-testid=decline-form]");
        var download = declined.Document.QuerySelector("[data-testid=my-data]")!.GetAttribute("href")!;
        var json = await client.GetStringAsync("/" + download);
        Assert.Contains("Несогласный", json, StringComparison.Ordinal);
        var afterwards = await client.GetAsync("/my");
        Assert.Equal(HttpStatusCode.Redirect, afterwards.StatusCode);
        Assert.Contains("/Identity/Account/Login", afterwards.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.DoesNotContain(await AcceptancesAsync(user.Id), a => a.How == AcceptanceHow.Explicit);
    }

    [Fact]
    public async Task MinorVersion_IsAcceptedByContinuedUse_Once_AndEveryAcceptanceIsKept()
    {
        await PublishAsAdminAsync("# Соглашение\n\nБазовая редакция.", notable: true);
        var (user, _) = await UserAsync("Постоянный читатель");
        using (var scope = fixture.Services.CreateScope())
        {
            Assert.True(await scope.ServiceProvider.GetRequiredService<AgreementService>().AcceptCurrentAsync(user.Id));
        }

        using var client = await SignedInAsync(user.Email!);
        var minor = await PublishAsAdminAsync("# Соглашение\n\nБазовая редакция, исправлены опечатки.", notable: false, "Исправлены опечатки.");

        var first = await HtmlPage.GetAsync(client, "/ideas");
        var notice = first.Document.QuerySelector("[data-testid=agreement-notice]");
        Assert.NotNull(notice);
        await HtmlPage.GetAsync(client, "/events");
        await HtmlPage.GetAsync(client, "/");

        var acceptances = await AcceptancesAsync(user.Id);
        Assert.Single(acceptances, a => a.Number == minor && a.How == AcceptanceHow.ContinuedUse);
        Assert.Contains(acceptances, a => a.Number < minor && a.How == AcceptanceHow.Explicit);

        // Writing is not held up by a minor version.
        var saved = await SaveIdeaAsync(Principal(user.Id));
        Assert.True(saved.Succeeded, saved.ErrorCode);

        // The notice is dismissed for this version and stays away.
        var dismiss = notice.QuerySelector("a.agreement-notice__dismiss")!.GetAttribute("href")!;
        var dismissed = await HtmlPage.ReadAsync(await client.GetAsync("/" + dismiss), client);
        Assert.Equal("/ideas", dismissed.Response.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Null(dismissed.Document.QuerySelector("[data-testid=agreement-notice]"));
    }
}
