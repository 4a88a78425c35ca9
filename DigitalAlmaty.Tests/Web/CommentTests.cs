using System.Security.Claims;
using DigitalAlmaty.Domain.Accounts;
using DigitalAlmaty.Domain.Participation;
using DigitalAlmaty.Domain.Submissions;
using DigitalAlmaty.Tests.Support;
using DigitalAlmaty.Web.Data;
using DigitalAlmaty.Web.Features.Agreement;
using DigitalAlmaty.Web.Features.Blocking;
using DigitalAlmaty.Web.Features.Participation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static DigitalAlmaty.Tests.Support.SubmissionSeed;

namespace DigitalAlmaty.Tests.Web;

/// <summary>
/// Comments on published items: who may write, replies one level deep, the 15-minute edit window,
/// removal by the author, readers' reports into the queue, a moderator's hide, pre-moderation after a
/// hide, a block that hides them, and what anonymous readers get in the static page.
/// </summary>
public sealed class CommentTests(CommentTests.Fixture fixture) : IClassFixture<CommentTests.Fixture>
{
    public sealed class Fixture : PortalFactory;

    private static ClaimsPrincipal As(string id, params string[] roles) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, id), .. roles.Select(r => new Claim(ClaimTypes.Role, r))], "test"));

    private async Task<T> UseAsync<TService, T>(Func<TService, Task<T>> use)
        where TService : notnull
    {
        using var scope = fixture.Services.CreateScope();
        return await use(scope.ServiceProvider.GetRequiredService<TService>());
    }

    private Task<CommentResult> PostAsync(string userId, Guid item, string text, Guid? parent = null) =>
        UseAsync<CommentService, CommentResult>(s => s.PostAsync(As(userId), item, parent, text));

    private async Task<T> WithDbAsync<T>(Func<PortalDbContext, Task<T>> read)
    {
        await using var db = await fixture.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        return await read(db);
    }

    private async Task<(Guid Item, string Author)> PublishedIdeaAsync(string title)
    {
        var (author, _) = await fixture.NewUserAsync("Автор идеи");
        return ((await new SubmissionSeed(fixture).IdeaAsync(author, title, Submit(author), Approve())).Id, author);
    }

    [Fact]
    public async Task AComment_IsPublicAtOnce_InTheStaticPage_AsSafeMarkdown_AndTheAuthorIsTold()
    {
        var (item, author) = await PublishedIdeaAsync("Идея для обсуждения");
        var (writer, _) = await fixture.NewUserAsync("Комментатор Жанна");

        var posted = await PostAsync(writer, item, "Отличная **идея**! <script>alert(1)</script> [ссылка](javascript:alert(2))");

        Assert.Equal(CommentState.Visible, posted.State);
        using var anonymous = fixture.CreatePortalClient();
        var page = await HtmlPage.GetAsync(anonymous, $"/ideas/{item}");
        var shown = page.Document.QuerySelector("[data-testid=comment-text-shown]")!;
        Assert.Equal("идея", shown.QuerySelector("strong")?.TextContent);
        Assert.Null(shown.QuerySelector("script"));
        Assert.DoesNotContain("javascript:", shown.InnerHtml, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Комментатор Жанна", page.Text, StringComparison.Ordinal);
        Assert.Equal("false", page.Document.QuerySelector("[data-testid=comments]")?.GetAttribute("data-live"));
        Assert.NotNull(page.Document.QuerySelector("[data-testid=comments-sign-in]"));
        Assert.Single(await WithDbAsync(db => db.Notifications.Where(n => n.UserId == author && n.SubmissionId == item && n.Topic == Notification.CommentTopic).ToListAsync()));
    }

    [Fact]
    public async Task Replies_AreOneLevelDeep_AndOnlyOnTheSameItem()
    {
        var (item, _) = await PublishedIdeaAsync("Идея с ответами");
        var (other, _) = await PublishedIdeaAsync("Другая идея");
        var (writer, _) = await fixture.NewUserAsync("Житель");
        var top = await PostAsync(writer, item, "Первый комментарий");
        var reply = await PostAsync(writer, item, "Ответ на него", top.CommentId);

        Assert.True(reply.Succeeded);
        Assert.Equal(CommentRules.ReplyToReply, (await PostAsync(writer, item, "Ответ на ответ", reply.CommentId)).ErrorCode);
        Assert.Equal(CommentResult.NotFound, (await PostAsync(writer, other, "Ответ из чужой ветки", top.CommentId)).ErrorCode);
        var thread = await UseAsync<CommentService, IReadOnlyList<CommentView>>(s => s.ThreadAsync(new ClaimsPrincipal(), item));
        Assert.Equal([top.CommentId, reply.CommentId], thread.Select(c => (Guid?)c.Id));
    }

    [Fact]
    public async Task TheAuthor_EditsForFifteenMinutes_AndRemovesAnyTime_OthersCannot()
    {
        var (item, _) = await PublishedIdeaAsync("Идея для правок");
        var (writer, _) = await fixture.NewUserAsync("Пишущий");
        var (stranger, _) = await fixture.NewUserAsync("Посторонний");
        var id = (await PostAsync(writer, item, "Первая версия")).CommentId!.Value;

        Assert.Equal(CommentRules.NotYours, (await UseAsync<CommentService, CommentResult>(s => s.EditAsync(As(stranger), id, "Чужая правка"))).ErrorCode);
        Assert.True((await UseAsync<CommentService, CommentResult>(s => s.EditAsync(As(writer), id, "Вторая версия"))).Succeeded);
        await WithDbAsync(db => db.Comments.Where(c => c.Id == id).ExecuteUpdateAsync(set => set.SetProperty(c => c.CreatedAt, DateTimeOffset.UtcNow.AddMinutes(-16))));
        Assert.Equal(CommentRules.EditWindowClosed, (await UseAsync<CommentService, CommentResult>(s => s.EditAsync(As(writer), id, "Третья версия"))).ErrorCode);
        Assert.Equal(CommentRules.NotYours, (await UseAsync<CommentService, CommentResult>(s => s.RemoveAsync(As(stranger), id))).ErrorCode);
        Assert.True((await UseAsync<CommentService, CommentResult>(s => s.RemoveAsync(As(writer), id))).Succeeded);

        using var anonymous = fixture.CreatePortalClient();
        var page = await HtmlPage.GetAsync(anonymous, $"/ideas/{item}");
        Assert.Contains("Комментарий удалён автором.", page.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Вторая версия", page.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABlockedAnUnconfirmedOrAnonymousWriter_AndAnUnpublishedItem_AreRefused()
    {
        var (item, author) = await PublishedIdeaAsync("Идея, где пишут не все");
        var draft = (await new SubmissionSeed(fixture).IdeaAsync(author, "Черновик")).Id;
        var (blocked, _) = await fixture.NewUserAsync("Заблокированный");
        var (unconfirmed, _) = await fixture.NewUserAsync("Неподтверждённый");
        await WithDbAsync(db => db.Users.Where(u => u.Id == blocked).ExecuteUpdateAsync(set => set.SetProperty(u => u.BlockedUntil, DateTimeOffset.UtcNow.AddDays(1))));
        await WithDbAsync(db => db.Users.Where(u => u.Id == unconfirmed).ExecuteUpdateAsync(set => set.SetProperty(u => u.EmailConfirmed, false)));

        Assert.Equal(CommentResult.Refused, (await PostAsync(blocked, item, "Пишу несмотря на блок")).ErrorCode);
        Assert.Equal(CommentResult.EmailNotConfirmed, (await PostAsync(unconfirmed, item, "Пишу без подтверждения")).ErrorCode);
        Assert.Equal(CommentResult.NotFound, (await PostAsync(author, draft, "Комментарий к черновику")).ErrorCode);
        Assert.Equal(CommentResult.NotAllowed, (await UseAsync<CommentService, CommentResult>(s => s.PostAsync(new ClaimsPrincipal(), item, null, "Аноним"))).ErrorCode);
        Assert.Equal(CommentRules.TooShort, (await PostAsync(author, item, " ")).ErrorCode);
        Assert.Equal(0, await WithDbAsync(db => db.Comments.CountAsync(c => c.SubmissionId == item)));
    }

    [Fact]
    public async Task AReportedComment_IsHiddenFromTheQueue_ThenItsAuthorIsPreModerated_UntilAModeratorPublishes()
    {
        var (item, _) = await PublishedIdeaAsync("Идея со спорным комментарием");
        var (writer, _) = await fixture.NewUserAsync("Резкий комментатор");
        var (reader, _) = await fixture.NewUserAsync("Внимательный читатель");
        var moderator = await fixture.StaffPrincipalAsync(PortalRoles.Moderator);
        var id = (await PostAsync(writer, item, "Телефон автора: +7 701 000 00 00")).CommentId!.Value;

        Assert.Equal(CommentRules.NotYours, (await UseAsync<CommentService, CommentResult>(s => s.ReportAsync(As(writer), id, ModerationClauses.PersonalData, "Мой же комментарий"))).ErrorCode);
        Assert.True((await UseAsync<CommentService, CommentResult>(s => s.ReportAsync(As(reader), id, ModerationClauses.PersonalData, "Чужой номер телефона"))).Succeeded);
        Assert.Equal(CommentResult.AlreadyReported, (await UseAsync<CommentService, CommentResult>(s => s.ReportAsync(As(reader), id, ModerationClauses.PersonalData, "Ещё раз"))).ErrorCode);
        var row = Assert.Single(await UseAsync<CommentModeration, IReadOnlyList<CommentQueueRow>>(m => m.QueueAsync(moderator)), r => r.CommentId == id);
        Assert.Equal([(ModerationClauses.PersonalData, 1)], row.Reasons);

        // A reader is not a moderator, whatever the session says.
        Assert.Equal(CommentResult.NotAllowed, (await UseAsync<CommentModeration, CommentResult>(m => m.HideAsync(As(reader, PortalRoles.Moderator), id, ModerationClauses.PersonalData))).ErrorCode);
        Assert.False((await UseAsync<CommentModeration, CommentResult>(m => m.HideAsync(moderator, id, null))).Succeeded);
        Assert.True((await UseAsync<CommentModeration, CommentResult>(m => m.HideAsync(moderator, id, ModerationClauses.PersonalData))).Succeeded);

        using var anonymous = fixture.CreatePortalClient();
        var page = await HtmlPage.GetAsync(anonymous, $"/ideas/{item}");
        Assert.DoesNotContain("+7 701", page.Html, StringComparison.Ordinal);
        Assert.Contains("п. 4.3.9", page.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(await UseAsync<CommentModeration, IReadOnlyList<CommentQueueRow>>(m => m.QueueAsync(moderator)), r => r.CommentId == id);
        Assert.Equal(("Visible", "Hidden"), await WithDbAsync(db => db.AuditLog.Where(a => a.SubjectId == id.ToString() && a.Action == "Comment.Hide").Select(a => ValueTuple.Create(a.Before!, a.After!)).SingleAsync()));

        // The next comment waits for a moderator: its author sees it, nobody else does.
        var held = await PostAsync(writer, item, "Исправлюсь, без личных данных.");
        Assert.Equal(CommentState.Pending, held.State);
        Assert.DoesNotContain("Исправлюсь", (await HtmlPage.GetAsync(anonymous, $"/ideas/{item}")).Html, StringComparison.Ordinal);
        Assert.Contains(await UseAsync<CommentService, IReadOnlyList<CommentView>>(s => s.ThreadAsync(As(writer), item)), c => c.Id == held.CommentId && c.Text is not null);
        Assert.Contains(await UseAsync<CommentModeration, IReadOnlyList<CommentQueueRow>>(m => m.QueueAsync(moderator)), r => r.CommentId == held.CommentId && r.State == CommentState.Pending);
        Assert.True((await UseAsync<CommentModeration, CommentResult>(m => m.ApproveAsync(moderator, held.CommentId!.Value))).Succeeded);

        // The cache of the anonymous page is emptied a few seconds after a comment changes.
        await Task.Delay(TimeSpan.FromSeconds(6));
        Assert.Contains("Исправлюсь", (await HtmlPage.GetAsync(anonymous, $"/ideas/{item}")).Html, StringComparison.Ordinal);
        Assert.True((await UseAsync<CommentModeration, CommentResult>(m => m.RestoreAsync(moderator, id))).Succeeded);
        Assert.Equal(CommentState.Visible, await WithDbAsync(db => db.Comments.Where(c => c.Id == id).Select(c => c.State).SingleAsync()));
    }

    [Fact]
    public async Task ABlockThatHidesWhatTheUserPublished_HidesTheirComments()
    {
        var (item, _) = await PublishedIdeaAsync("Идея с комментарием нарушителя");
        var (writer, _) = await fixture.NewUserAsync("Нарушитель");
        var id = (await PostAsync(writer, item, "Комментарий нарушителя")).CommentId!.Value;
        var admin = await fixture.StaffPrincipalAsync(PortalRoles.Admin);

        var blocked = await UseAsync<UserBlockService, GovernanceResult>(s =>
            s.BlockAsync(admin, writer, new BlockRequest(DateTimeOffset.UtcNow.AddDays(7), false, ModerationClauses.Unlawful, "Нарушение правил", HidePublished: true)));

        Assert.True(blocked.Succeeded, blocked.ErrorCode);
        Assert.Equal((CommentState.Hidden, ModerationClauses.Unlawful), await WithDbAsync(db => db.Comments.Where(c => c.Id == id).Select(c => ValueTuple.Create(c.State, c.HiddenClause!)).SingleAsync()));
    }
}
