using System.Net;
using System.Security.Claims;
using DigitalAlmaty.Domain.Accounts;
using DigitalAlmaty.Domain.Flags;
using DigitalAlmaty.Domain.Submissions;
using DigitalAlmaty.Tests.Support;
using DigitalAlmaty.Web.Data;
using DigitalAlmaty.Web.Features.Blocking;
using DigitalAlmaty.Web.Features.Flags;
using DigitalAlmaty.Web.Features.Moderation;
using DigitalAlmaty.Web.Realtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static DigitalAlmaty.Tests.Support.SubmissionSeed;
using static DigitalAlmaty.Tests.Web.ModerationServiceTests;

namespace DigitalAlmaty.Tests.Web;

/// <summary>Readers' reports (4.3.5–4.3.11): one per reader per item, refused to blocked users, into the queue, resolved by hide or dismissal.</summary>
public sealed class FlagTests(FlagTests.Fixture fixture) : IClassFixture<FlagTests.Fixture>
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

    private async Task<(string Id, ClaimsPrincipal Principal, string Email)> ReaderAsync(string name, params string[] roles)
    {
        var (id, email) = await fixture.NewUserAsync(name, roles);
        return (id, Principal(id, roles), email);
    }

    private async Task<Guid> PublishedIdeaAsync(string title)
    {
        var (authorId, _) = await fixture.NewUserAsync("Автор Идеи");
        var idea = await fixture.Seed.IdeaAsync(authorId, title, Submit(authorId), Approve());
        return idea.Id;
    }

    private Task<FlagResult> ReportAsync(ClaimsPrincipal who, Guid id, string clause = ModerationClauses.Misleading, string message = "Даты в описании не совпадают с официальными.") =>
        WithServiceAsync<FlagService, FlagResult>(s => s.ReportAsync(who, id, clause, message));

    [Fact]
    public async Task ReportPage_PostsOnce_AndASecondReportGetsAFriendlyMessage()
    {
        var id = await PublishedIdeaAsync("Идея для жалобы через форму");
        var (readerId, _, email) = await ReaderAsync("Читатель Формы");
        using var client = await fixture.SignedInClientAsync(email);

        // The public page links to the report page; the report page is never cached and needs a sign-in.
        var detail = await HtmlPage.GetAsync(client, $"/ideas/{id}?culture=ru-RU");
        Assert.Equal($"ideas/{id}/report", detail.Document.QuerySelector("[data-testid=report-link]")!.GetAttribute("href"));
        using (var anonymous = fixture.CreatePortalClient())
        {
            var refused = await anonymous.GetAsync($"/ideas/{id}/report");
            Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
            Assert.Contains("/Identity/Account/Login", refused.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }

        var form = await HtmlPage.GetAsync(client, $"/ideas/{id}/report");
        Assert.Equal(HttpStatusCode.OK, form.Status);
        Assert.Equal(ModerationClauses.All.Count, form.Document.QuerySelectorAll("input[type=radio][name=Clause]").Length);
        Assert.NotNull(form.Document.QuerySelector("input[name=__RequestVerificationToken]"));

        // Without a message: the field says what is missing, nothing is stored.
        var invalid = await form.SubmitAsync(client, new Dictionary<string, string> { ["Clause"] = ModerationClauses.PersonalData, ["Message"] = "" }, "[data-testid=report-form]");
        Assert.Contains("Напишите сообщение модератору", invalid.Text, StringComparison.Ordinal);
        Assert.Equal(0, await WithDbAsync(db => db.ContentFlags.CountAsync(f => f.SubmissionId == id)));

        var fields = new Dictionary<string, string> { ["Clause"] = ModerationClauses.PersonalData, ["Message"] = "В тексте указан домашний телефон." };
        var sent = await form.SubmitAsync(client, fields, "[data-testid=report-form]");
        Assert.NotNull(sent.Document.QuerySelector("[data-testid=report-done]"));

        // The same form posted again, and the page opened again: one report, a friendly message.
        var again = await form.SubmitAsync(client, fields, "[data-testid=report-form]");
        Assert.True(again.Document.QuerySelector("[data-testid=report-already]") is not null, again.Status + again.Text);
        Assert.Contains("Вы уже пожаловались", again.Document.QuerySelector("[data-testid=report-already]")!.TextContent, StringComparison.Ordinal);
        var reopened = await HtmlPage.GetAsync(client, $"/ideas/{id}/report");
        Assert.NotNull(reopened.Document.QuerySelector("[data-testid=report-already]"));
        Assert.Null(reopened.Document.QuerySelector("[data-testid=report-form]"));

        var stored = await WithDbAsync(db => db.ContentFlags.AsNoTracking().Where(f => f.SubmissionId == id).ToListAsync());
        var flag = Assert.Single(stored);
        Assert.Equal(readerId, flag.ReporterId);
        Assert.Equal(ModerationClauses.PersonalData, flag.Clause);
        Assert.Equal("В тексте указан домашний телефон.", flag.Message);
        Assert.Null(flag.ResolvedAt);

        // A post without the antiforgery token is refused.
        var forged = await client.PostAsync($"/ideas/{id}/report", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "report", ["Clause"] = ModerationClauses.Unlawful, ["Message"] = "Подделанный запрос без токена.",
        }));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
    }

    [Fact]
    public async Task ConcurrentReports_ByOneReader_StoreOne()
    {
        var id = await PublishedIdeaAsync("Идея для одновременных жалоб");
        var (_, reader, _) = await ReaderAsync("Быстрый Читатель");

        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() => ReportAsync(reader, id))));

        Assert.Single(results, r => r.Succeeded);
        Assert.All(results.Where(r => !r.Succeeded), r => Assert.Equal(FlagResult.AlreadyReported, r.ErrorCode));
        Assert.Equal(1, await WithDbAsync(db => db.ContentFlags.CountAsync(f => f.SubmissionId == id)));

        // The database itself refuses a second row for the same (item, reader).
        var readerId = reader.FindFirstValue(ClaimTypes.NameIdentifier)!;
        await Assert.ThrowsAsync<DbUpdateException>(() => WithDbAsync(async db =>
        {
            db.ContentFlags.Add(new ContentFlag { SubmissionId = id, ReporterId = readerId, Clause = ModerationClauses.Unlawful, Message = "Вторая строка", CreatedAt = DateTimeOffset.UtcNow });
            return await db.SaveChangesAsync();
        }));
    }

    [Fact]
    public async Task Refused_ToBlockedUsers_Anonymous_Authors_UnpublishedItems_AndBadInput()
    {
        var id = await PublishedIdeaAsync("Идея для отказов");
        var (admin, adminPrincipal, _) = await ReaderAsync("Администратор Жалоб", PortalRoles.Admin);
        var (blockedId, blocked, _) = await ReaderAsync("Заблокированный Читатель");
        var blockedResult = await WithServiceAsync<UserBlockService, DigitalAlmaty.Web.Features.Agreement.GovernanceResult>(s =>
            s.BlockAsync(adminPrincipal, blockedId, new BlockRequest(null, true, "4.3.8", "Массовые жалобы.")));
        Assert.True(blockedResult.Succeeded, admin);

        var refused = await ReportAsync(blocked, id);
        Assert.Equal(FlagResult.Refused, refused.ErrorCode);
        Assert.Equal(WriteRefusal.Blocked, refused.Refusal!.Code);

        Assert.Equal(FlagResult.NotAllowed, (await ReportAsync(new ClaimsPrincipal(new ClaimsIdentity()), id)).ErrorCode);

        var authorId = await WithDbAsync(db => db.Submissions.Where(s => s.Id == id).Select(s => s.AuthorId).SingleAsync());
        Assert.Equal(FlagResult.OwnItem, (await ReportAsync(Principal(authorId), id)).ErrorCode);

        var (draftAuthor, _) = await fixture.NewUserAsync("Автор Черновика");
        var draft = await fixture.Seed.IdeaAsync(draftAuthor, "Неопубликованная идея", Submit(draftAuthor));
        var (_, reader, readerEmail) = await ReaderAsync("Обычный Читатель");
        Assert.Equal(FlagResult.NotFound, (await ReportAsync(reader, draft.Id)).ErrorCode);
        using (var client = await fixture.SignedInClientAsync(readerEmail))
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/ideas/{draft.Id}/report")).StatusCode);
            // An idea is not reported through the events address.
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/events/{id}/report")).StatusCode);
        }

        var unknown = await ReportAsync(reader, id, clause: "9.9.9");
        Assert.Equal(FlagResult.Invalid, unknown.ErrorCode);
        Assert.Equal("Flag.ClauseUnknown", unknown.FieldErrors["Clause"]);
        Assert.Equal("Flag.MessageTooLong", (await ReportAsync(reader, id, message: new string('а', FlagRules.MessageMaxLength + 1))).FieldErrors["Message"]);
        Assert.Equal(0, await WithDbAsync(db => db.ContentFlags.CountAsync(f => f.SubmissionId == id)));
    }

    [Fact]
    public async Task Reports_GroupInTheQueue_Live_AndDismissal_IsModeratorsOnly_AndAudited()
    {
        var id = await PublishedIdeaAsync("Идея с тремя жалобами");
        var events = new List<FlagsChanged>();
        using var subscription = fixture.Services.GetRequiredService<PortalEventFeed>().Subscribe<FlagsChanged>(e =>
        {
            lock (events)
            {
                events.Add(e);
            }

            return Task.CompletedTask;
        });

        foreach (var (name, clause) in new[] { ("Первый", ModerationClauses.Misleading), ("Второй", ModerationClauses.Misleading), ("Третий", ModerationClauses.PersonalData) })
        {
            var (_, reader, _) = await ReaderAsync($"Читатель {name}");
            Assert.True((await ReportAsync(reader, id, clause)).Succeeded);
        }

        await WaitUntilAsync(() => { lock (events) { return events.Count(e => e.SubmissionId == id) == 3; } });
        var queue = fixture.Services.GetRequiredService<ModerationQueue>();
        var row = Assert.Single(await queue.FlaggedAsync(), r => r.Id == id);
        Assert.Equal(3, row.Count);
        Assert.Equal([new FlagReason(ModerationClauses.Misleading, 2), new FlagReason(ModerationClauses.PersonalData, 1)], row.Reasons);
        var review = await queue.ReviewAsync(id);
        Assert.Equal(3, review!.OpenFlags.Count);
        Assert.Contains(review.OpenFlags, f => f.ReporterName == "Читатель Первый");

        // Only moderators dismiss, checked on the server.
        var (_, plain, _) = await ReaderAsync("Не Модератор");
        Assert.Equal(FlagResult.NotAllowed, (await WithServiceAsync<FlagService, FlagResult>(s => s.DismissAsync(plain, id, null))).ErrorCode);
        Assert.Equal(FlagResult.NotAllowed, (await WithServiceAsync<FlagService, FlagResult>(s => s.DismissAsync(new ClaimsPrincipal(new ClaimsIdentity()), id, null))).ErrorCode);
        Assert.NotNull(await queue.FlaggedRowAsync(id));

        var (moderatorId, moderator, _) = await ReaderAsync("Модератор Жалоб", PortalRoles.Moderator);
        var dismissed = await WithServiceAsync<FlagService, FlagResult>(s => s.DismissAsync(moderator, id, "Даты проверены, всё верно."));
        Assert.True(dismissed.Succeeded, dismissed.ErrorCode);
        Assert.Null(await queue.FlaggedRowAsync(id));
        await WaitUntilAsync(() => { lock (events) { return events.Count(e => e.SubmissionId == id) == 4; } });

        var flags = await WithDbAsync(db => db.ContentFlags.AsNoTracking().Where(f => f.SubmissionId == id).ToListAsync());
        Assert.All(flags, f => Assert.Equal(FlagResolution.Dismissed, f.Resolution));
        Assert.All(flags, f => Assert.Equal(moderatorId, f.ResolvedBy));
        var audit = await WithDbAsync(db => db.AuditLog.AsNoTracking().SingleAsync(a => a.SubjectId == id.ToString() && a.Action == "Flags.Dismiss"));
        Assert.Equal(moderatorId, audit.ActorId);
        Assert.Contains("Даты проверены", audit.Details, StringComparison.Ordinal);
        Assert.Contains("\"flags\":3", audit.Details, StringComparison.Ordinal);
        // The item stays published, and nobody was notified.
        Assert.Equal(SubmissionStatus.Published, await WithDbAsync(db => db.Submissions.Where(s => s.Id == id).Select(s => s.Status).SingleAsync()));
        Assert.Equal(0, await WithDbAsync(db => db.Notifications.CountAsync(n => n.SubmissionId == id)));

        // Dismissing again finds nothing open; a reader who already reported cannot report again.
        Assert.Equal(FlagResult.NothingOpen, (await WithServiceAsync<FlagService, FlagResult>(s => s.DismissAsync(moderator, id, null))).ErrorCode);
    }

    [Fact]
    public async Task Hiding_TheItem_ResolvesItsReports()
    {
        var id = await PublishedIdeaAsync("Идея, которую скроют");
        var (_, reader, _) = await ReaderAsync("Читатель Скрытия");
        Assert.True((await ReportAsync(reader, id, ModerationClauses.Unlawful)).Succeeded);
        var (moderatorId, moderator, _) = await ReaderAsync("Модератор Скрытия", PortalRoles.Moderator);
        var revision = await WithDbAsync(db => db.Submissions.Where(s => s.Id == id).Select(s => s.Revision).SingleAsync());

        var hidden = await WithServiceAsync<ModerationService, ModerationResult>(s =>
            s.DecideAsync(moderator, id, revision, ModerationDecision.Hide([ModerationClauses.Unlawful], "Подтверждено.")));

        Assert.True(hidden.Succeeded, hidden.ErrorCode);
        var flag = await WithDbAsync(db => db.ContentFlags.AsNoTracking().SingleAsync(f => f.SubmissionId == id));
        Assert.Equal(FlagResolution.Hidden, flag.Resolution);
        Assert.Equal(moderatorId, flag.ResolvedBy);
        Assert.Null(await fixture.Services.GetRequiredService<ModerationQueue>().FlaggedRowAsync(id));
        // A hidden item cannot be reported.
        var (_, other, _) = await ReaderAsync("Другой Читатель");
        Assert.Equal(FlagResult.NotFound, (await ReportAsync(other, id)).ErrorCode);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 50 && !condition(); i++)
        {
            await Task.Delay(100);
        }

        Assert.True(condition());
    }
}
