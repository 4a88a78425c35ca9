using System.Net;
using System.Security.Claims;
using System.Text.Json;
using DigitalAlmaty.Domain.Accounts;
using DigitalAlmaty.Domain.Claims;
using DigitalAlmaty.Domain.Submissions;
using DigitalAlmaty.Tests.Support;
using DigitalAlmaty.Web.Data;
using DigitalAlmaty.Web.Features.Flags;
using DigitalAlmaty.Web.Features.Moderation;
using DigitalAlmaty.Web.Features.PersonalData;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static DigitalAlmaty.Tests.Support.SubmissionSeed;
using static DigitalAlmaty.Tests.Web.ModerationServiceTests;

namespace DigitalAlmaty.Tests.Web;

/// <summary>Everything held about one user (6.1–6.3): for the user, and for an administrator with an audited reason.</summary>
public sealed class UserDataExportTests(UserDataExportTests.Fixture fixture) : IClassFixture<UserDataExportTests.Fixture>
{
    public sealed class Fixture : PortalFactory
    {
        public SubmissionSeed Seed => new(this);
    }

    private async Task<T> WithServiceAsync<TService, T>(Func<TService, Task<T>> use)
        where TService : notnull
    {
        using var scope = fixture.Services.CreateScope();
        return await use(scope.ServiceProvider.GetRequiredService<TService>());
    }

    private async Task<T> WithDbAsync<T>(Func<PortalDbContext, Task<T>> read)
    {
        var databases = fixture.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        await using var db = await databases.CreateDbContextAsync();
        return await read(db);
    }

    /// <summary>Two users who reported each other's published ideas; the first one's idea was hidden by a moderator.</summary>
    private async Task<Scene> SceneAsync()
    {
        var (aliceId, aliceEmail) = await fixture.NewUserAsync("Алия Экспортова");
        var (bobId, bobEmail) = await fixture.NewUserAsync("Бауыржан Другой");
        var (moderatorId, moderatorEmail) = await fixture.NewUserAsync("Модератор Экспорта", PortalRoles.Moderator);
        var aliceIdea = await fixture.Seed.IdeaAsync(aliceId, "Идея Алии про велодорожки", Submit(aliceId), Approve());
        var bobIdea = await fixture.Seed.IdeaAsync(bobId, "Идея Бауыржана про остановки", Submit(bobId), Approve());
        Assert.True((await WithServiceAsync<FlagService, FlagResult>(s => s.ReportAsync(Principal(aliceId), bobIdea.Id, ModerationClauses.Misleading, "Алия: сроки указаны неверно."))).Succeeded);
        Assert.True((await WithServiceAsync<FlagService, FlagResult>(s => s.ReportAsync(Principal(bobId), aliceIdea.Id, ModerationClauses.PersonalData, "Бауыржан: в тексте телефон."))).Succeeded);
        var revision = await WithDbAsync(db => db.Submissions.Where(s => s.Id == aliceIdea.Id).Select(s => s.Revision).SingleAsync());
        var hidden = await WithServiceAsync<ModerationService, ModerationResult>(s =>
            s.DecideAsync(Principal(moderatorId, PortalRoles.Moderator), aliceIdea.Id, revision, ModerationDecision.Hide([ModerationClauses.PersonalData], "Уберите номер телефона.")));
        Assert.True(hidden.Succeeded);
        await WithDbAsync(async db =>
        {
            var version = new AgreementVersion { Number = 1000 + Random.Shared.Next(100000), Markdown = "# Тест", EffectiveFrom = new DateOnly(2026, 1, 1), ChangeSummary = "Тест", PublishedAt = DateTimeOffset.UtcNow, PublishedBy = moderatorId };
            db.AgreementVersions.Add(version);
            await db.SaveChangesAsync();
            db.AgreementAcceptances.Add(new AgreementAcceptance { UserId = aliceId, VersionId = version.Id, AcceptedAt = DateTimeOffset.UtcNow, How = AcceptanceHow.Explicit });
            db.AgreementAcceptances.Add(new AgreementAcceptance { UserId = bobId, VersionId = version.Id, AcceptedAt = DateTimeOffset.UtcNow, How = AcceptanceHow.Explicit });
            // Alice filed one claim without signing in (her address in other letter case); Bob one signed in.
            var filed = DateTimeOffset.UtcNow;
            var unique = Random.Shared.Next(100000, 999999).ToString(System.Globalization.CultureInfo.InvariantCulture);
            db.Claims.Add(new WrittenClaim(Guid.NewGuid(), "2026-A" + unique, new ClaimForm("Алия Экспортова", aliceEmail.ToUpperInvariant(), ClaimTopic.Content, "Жалоба Алии", "Прошу проверить решение модератора.", new DateOnly(2026, 11, 20)), filed, "ru", null, null));
            db.Claims.Add(new WrittenClaim(Guid.NewGuid(), "2026-B" + unique, new ClaimForm("Бауыржан Другой", bobEmail, ClaimTopic.Other, "Жалоба Бауыржана", "Текст Бауыржана.", new DateOnly(2026, 11, 20)), filed, "ru", bobId, null));
            db.SignIns.Add(new SignInRecord { UserId = aliceId, At = filed, IpAddress = "203.0.113.7", UserAgent = "AliceBrowser/1.0", Succeeded = true, Method = "Password" });
            db.SignIns.Add(new SignInRecord { UserId = bobId, At = filed, IpAddress = "198.51.100.9", UserAgent = "BobBrowser/2.0", Succeeded = false, Method = "Password" });
            return await db.SaveChangesAsync();
        });
        return new Scene(aliceId, aliceEmail, bobId, bobEmail, moderatorId, moderatorEmail, aliceIdea.Id, bobIdea.Id);
    }

    private sealed record Scene(string AliceId, string AliceEmail, string BobId, string BobEmail, string ModeratorId, string ModeratorEmail, Guid AliceIdea, Guid BobIdea);

    [Fact]
    public async Task Export_HoldsTheUsersData_AndNothingOfOtherUsers()
    {
        var scene = await SceneAsync();

        var bytes = await WithServiceAsync<UserDataExport, byte[]?>(s => s.BuildAsync(scene.AliceId, UserDataAudience.Administrator));
        var text = System.Text.Encoding.UTF8.GetString(bytes!);
        using var json = JsonDocument.Parse(bytes);
        var root = json.RootElement;

        Assert.Equal(UserDataExport.Format, root.GetProperty("format").GetString());
        Assert.Equal(scene.AliceEmail, root.GetProperty("profile").GetProperty("email").GetString());
        Assert.Equal("Алия Экспортова", root.GetProperty("profile").GetProperty("displayName").GetString());

        var submission = Assert.Single(root.GetProperty("submissions").EnumerateArray());
        Assert.Equal(scene.AliceIdea, submission.GetProperty("id").GetGuid());
        Assert.Equal("Hidden", submission.GetProperty("status").GetString());
        Assert.True(submission.GetProperty("fields").EnumerateObject().Any());
        Assert.Single(submission.GetProperty("versions").EnumerateArray());
        var history = submission.GetProperty("history").EnumerateArray().ToList();
        var hide = Assert.Single(history, h => h.GetProperty("action").GetString() == "Hide");
        Assert.Equal("moderator", hide.GetProperty("by").GetString());
        Assert.Equal("Уберите номер телефона.", hide.GetProperty("message").GetString());

        Assert.Single(root.GetProperty("agreementAcceptances").EnumerateArray());
        var sent = Assert.Single(root.GetProperty("flags").GetProperty("sent").EnumerateArray());
        Assert.Equal(scene.BobIdea, sent.GetProperty("submissionId").GetGuid());
        var received = Assert.Single(root.GetProperty("flags").GetProperty("received").EnumerateArray());
        Assert.Equal("Hidden", received.GetProperty("resolution").GetString());
        Assert.Contains(root.GetProperty("auditEntries").EnumerateArray(), a =>
            a.GetProperty("action").GetString() == "Submission.Hide" && a.GetProperty("subjectId").GetString() == scene.AliceIdea.ToString());
        Assert.Single(root.GetProperty("notifications").EnumerateArray());
        var claim = Assert.Single(root.GetProperty("claims").EnumerateArray());
        Assert.Equal("Жалоба Алии", claim.GetProperty("subject").GetString());
        var signIn = Assert.Single(root.GetProperty("signIns").EnumerateArray());
        Assert.Equal("203.0.113.7", signIn.GetProperty("ipAddress").GetString());
        Assert.DoesNotContain("198.51.100.9", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Жалоба Бауыржана", text, StringComparison.Ordinal);

        // Nothing of Bob or of the moderator: not their ids, addresses, names or texts.
        foreach (var foreign in new[] { scene.BobId, scene.BobEmail, "Бауыржан Другой", "Идея Бауыржана", scene.ModeratorId, scene.ModeratorEmail, "Модератор Экспорта" })
        {
            Assert.DoesNotContain(foreign, text, StringComparison.Ordinal);
        }

        // Stable, indented JSON; no secrets of the account.
        Assert.Contains("\n  \"profile\": {", text, StringComparison.Ordinal);
        Assert.DoesNotContain("passwordHash", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("securityStamp", text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Export_CoversCommentsSupportsAndFollows_OfThatUserOnly()
    {
        var scene = await SceneAsync();
        using (var scope = fixture.Services.CreateScope())
        {
            var comments = scope.ServiceProvider.GetRequiredService<DigitalAlmaty.Web.Features.Participation.CommentService>();
            Assert.True((await comments.PostAsync(Principal(scene.AliceId), scene.BobIdea, null, "Алия комментирует идею Бауыржана.")).Succeeded);
            Assert.True((await comments.PostAsync(Principal(scene.BobId), scene.BobIdea, null, "Бауыржан отвечает всем.")).Succeeded);
            Assert.True((await scope.ServiceProvider.GetRequiredService<DigitalAlmaty.Web.Features.Participation.SupportService>().SupportAsync(Principal(scene.AliceId), scene.BobIdea)).Succeeded);
            Assert.True(await scope.ServiceProvider.GetRequiredService<DigitalAlmaty.Web.Features.Participation.FollowService>().SetAsync(Principal(scene.AliceId), scene.BobIdea, follow: true));
        }

        var bytes = await WithServiceAsync<UserDataExport, byte[]?>(s => s.BuildAsync(scene.AliceId, UserDataAudience.Administrator));
        using var json = JsonDocument.Parse(bytes);
        var participation = json.RootElement.GetProperty("participation");

        Assert.Equal("Алия комментирует идею Бауыржана.", Assert.Single(participation.GetProperty("comments").EnumerateArray()).GetProperty("text").GetString());
        Assert.Equal(scene.BobIdea, Assert.Single(participation.GetProperty("supports").EnumerateArray()).GetProperty("ideaId").GetGuid());
        Assert.Equal(scene.BobIdea, Assert.Single(participation.GetProperty("follows").EnumerateArray()).GetProperty("submissionId").GetGuid());
        Assert.DoesNotContain("Бауыржан отвечает всем.", System.Text.Encoding.UTF8.GetString(bytes!), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AdministratorExport_NeedsAReason_IsAuditedFirst_AndServedOnceToThatAdministratorOnly()
    {
        var scene = await SceneAsync();
        var (adminId, adminEmail) = await fixture.NewUserAsync("Администратор Выгрузки", PortalRoles.Admin);
        var admin = Principal(adminId, PortalRoles.Admin);

        Task<DataExportResult> PrepareAsync(ClaimsPrincipal who, string? reason) =>
            WithServiceAsync<UserDataExport, DataExportResult>(s => s.PrepareForAdministratorAsync(who, scene.AliceId, reason));

        Assert.Equal("Validation.Required", (await PrepareAsync(admin, "   ")).FieldError);
        Assert.Equal("Export.ReasonTooShort", (await PrepareAsync(admin, "Надо")).FieldError);
        Assert.Equal(DataExportResult.NotAllowed, (await PrepareAsync(Principal(scene.ModeratorId, PortalRoles.Moderator), "Запрос суда № 2-1234/2026")).ErrorCode);
        Assert.Equal(DataExportResult.NotAllowed, (await PrepareAsync(new ClaimsPrincipal(new ClaimsIdentity()), "Запрос суда № 2-1234/2026")).ErrorCode);
        Assert.Equal(0, await WithDbAsync(db => db.AuditLog.CountAsync(a => a.Action == UserDataExport.AuditAction && a.SubjectId == scene.AliceId)));

        var prepared = await PrepareAsync(admin, "Запрос суда № 2-1234/2026");
        Assert.True(prepared.Succeeded, prepared.ErrorCode);
        var audit = await WithDbAsync(db => db.AuditLog.AsNoTracking().SingleAsync(a => a.Action == UserDataExport.AuditAction && a.SubjectId == scene.AliceId));
        Assert.Equal(adminId, audit.ActorId);
        Assert.Contains("Запрос суда № 2-1234/2026", audit.Details, StringComparison.Ordinal);

        // The download endpoint checks the role on the server: a moderator is refused and the token survives.
        using (var moderatorClient = await fixture.SignedInClientAsync(scene.ModeratorEmail))
        {
            var refused = await moderatorClient.GetAsync($"/admin/users/export/{prepared.Token}");
            Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);
        }

        using var adminClient = await fixture.SignedInClientAsync(adminEmail);
        var download = await adminClient.GetAsync($"/admin/users/export/{prepared.Token}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/json", download.Content.Headers.ContentType!.MediaType);
        Assert.Contains(scene.AliceEmail, await download.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await adminClient.GetAsync($"/admin/users/export/{prepared.Token}")).StatusCode);
    }

    [Fact]
    public async Task Users_DownloadTheirOwnData_FromTheAccountPages_WithoutTheDisclosureRecord()
    {
        var scene = await SceneAsync();
        var (adminId, _) = await fixture.NewUserAsync("Администратор", PortalRoles.Admin);
        Assert.True((await WithServiceAsync<UserDataExport, DataExportResult>(s =>
            s.PrepareForAdministratorAsync(Principal(adminId, PortalRoles.Admin), scene.AliceId, "Запрос следователя № 77"))).Succeeded);

        using var client = await fixture.SignedInClientAsync(scene.AliceEmail);
        var page = await HtmlPage.GetAsync(client, "/Identity/Account/Manage/PersonalData?culture=ru-RU");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("Скачать мои данные", page.Text, StringComparison.Ordinal);
        Assert.NotNull(page.Document.QuerySelector("nav.manage-nav a[aria-current=page]"));

        var token = page.Value("[data-testid=download-data] input[name=__RequestVerificationToken]")!;
        var response = await client.PostAsync("/Identity/Account/Manage/PersonalData", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        var json = await response.Content.ReadAsStringAsync();
        Assert.Contains(scene.AliceEmail, json, StringComparison.Ordinal);
        Assert.Contains("Идея Алии про велодорожки", json, StringComparison.Ordinal);
        Assert.DoesNotContain("Запрос следователя", json, StringComparison.Ordinal);
        Assert.DoesNotContain(UserDataExport.AuditAction, json, StringComparison.Ordinal);

        // Without the antiforgery token nothing is served.
        var forged = await client.PostAsync("/Identity/Account/Manage/PersonalData", new FormUrlEncodedContent(new Dictionary<string, string>()));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);

        // Signed out: the page asks for a sign-in.
        using var anonymous = fixture.CreatePortalClient();
        Assert.Equal(HttpStatusCode.Redirect, (await anonymous.GetAsync("/Identity/Account/Manage/PersonalData")).StatusCode);
    }
}
