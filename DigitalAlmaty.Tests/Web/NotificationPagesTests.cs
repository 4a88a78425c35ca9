using System.Net;
using DigitalAlmaty.Domain.Accounts;
using DigitalAlmaty.Domain.Submissions;
using DigitalAlmaty.Tests.Support;
using DigitalAlmaty.Web.Data;
using DigitalAlmaty.Web.Features.Moderation;
using DigitalAlmaty.Web.Features.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static DigitalAlmaty.Tests.Support.SubmissionSeed;
using static DigitalAlmaty.Tests.Web.ModerationServiceTests;

namespace DigitalAlmaty.Tests.Web;

/// <summary>The bell in the header, /notifications, the notification service's limits, and /admin/audit.</summary>
public sealed class NotificationPagesTests(NotificationPagesTests.Fixture fixture) : IClassFixture<NotificationPagesTests.Fixture>
{
    public sealed class Fixture : PortalFactory
    {
        public SubmissionSeed Seed => new(this);
    }


    private Task<(string Id, string Email)> UserAsync(string name, params string[] roles) =>
        fixture.NewUserAsync(name, roles);

    private Task<HttpClient> SignedInAsync(string email) => fixture.SignedInClientAsync(email);

    private async Task<Notification> NotifyAsync(string userId, string title, SubmissionAction action = SubmissionAction.Approve, string? message = null, bool read = false, int minutesAgo = 5)
    {
        var notification = new Notification
        {
            Id = Guid.NewGuid(),
            UserId = userId,
            CreatedAt = DateTimeOffset.UtcNow.AddMinutes(-minutesAgo),
            SubmissionId = Guid.NewGuid(),
            Kind = SubmissionKind.Idea,
            Action = action,
            SubmissionTitle = title,
            Message = message,
            ReadAt = read ? DateTimeOffset.UtcNow : null,
        };
        var databases = fixture.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        await using var db = await databases.CreateDbContextAsync();
        db.Notifications.Add(notification);
        await db.SaveChangesAsync();
        return notification;
    }

    private async Task<Notification> StoredAsync(Guid id)
    {
        var databases = fixture.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        await using var db = await databases.CreateDbContextAsync();
        return await db.Notifications.AsNoTracking().SingleAsync(n => n.Id == id);
    }

    [Fact]
    public async Task Bell_IsInTheHeader_ForSignedInUsersOnly_WithTheUnreadCountInWords()
    {
        using var anonymous = fixture.CreatePortalClient();
        var publicPage = await HtmlPage.GetAsync(anonymous, "/");
        Assert.Equal(HttpStatusCode.OK, publicPage.Status);
        Assert.Null(publicPage.Document.QuerySelector("[data-testid=bell]"));

        var (me, email) = await UserAsync("Звонок");
        await NotifyAsync(me, "Первая");
        await NotifyAsync(me, "Вторая", SubmissionAction.Reject);
        await NotifyAsync(me, "Прочитанная", read: true);
        using var client = await SignedInAsync(email);

        var home = await HtmlPage.GetAsync(client, "/");
        var bell = home.Document.QuerySelector(".site-header [data-testid=bell]");
        Assert.NotNull(bell);
        Assert.Equal("2 непрочитанных уведомления", bell.GetAttribute("aria-label"));
        Assert.Equal("2", home.Document.QuerySelector("[data-testid=bell-count]")!.TextContent.Trim());
        // Before the circuit starts (and on pages without one) the bell is a plain link to the full list.
        Assert.Equal("notifications", bell.GetAttribute("href"));
        // The account pages (Razor Pages) share the header.
        var manage = await HtmlPage.GetAsync(client, "/Identity/Account/Manage");
        Assert.Equal(HttpStatusCode.OK, manage.Status);
        Assert.Equal("2 непрочитанных уведомления", manage.Document.QuerySelector(".site-header [data-testid=bell]")?.GetAttribute("aria-label"));

        var kazakh = await HtmlPage.GetAsync(client, "/ideas?culture=kk-KZ");
        Assert.Equal("2 оқылмаған хабарландыру", kazakh.Document.QuerySelector("[data-testid=bell]")!.GetAttribute("aria-label"));
        var english = await HtmlPage.GetAsync(client, "/events?culture=en-US");
        Assert.Equal("2 unread notifications", english.Document.QuerySelector("[data-testid=bell]")!.GetAttribute("aria-label"));
    }

    [Fact]
    public async Task Bell_WithNothingUnread_HasNoBadge()
    {
        var (_, email) = await UserAsync("Тишина");
        using var client = await SignedInAsync(email);

        var page = await HtmlPage.GetAsync(client, "/");

        Assert.Equal("Нет непрочитанных уведомлений", page.Document.QuerySelector("[data-testid=bell]")!.GetAttribute("aria-label"));
        Assert.Null(page.Document.QuerySelector("[data-testid=bell-count]"));
    }

    [Fact]
    public async Task UnreadCountWords_FollowRussianPlurals()
    {
        Assert.Equal("Bell.Unread.None", UnreadCountWords.Key(0, "ru-RU"));
        Assert.Equal("Bell.Unread.One", UnreadCountWords.Key(1, "ru-RU"));
        Assert.Equal("Bell.Unread.Few", UnreadCountWords.Key(3, "ru-RU"));
        Assert.Equal("Bell.Unread.Many", UnreadCountWords.Key(5, "ru-RU"));
        Assert.Equal("Bell.Unread.Many", UnreadCountWords.Key(12, "ru-RU"));
        Assert.Equal("Bell.Unread.One", UnreadCountWords.Key(21, "ru-RU"));
        Assert.Equal("Bell.Unread.Few", UnreadCountWords.Key(22, "ru-RU"));
        Assert.Equal("Bell.Unread.Many", UnreadCountWords.Key(2, "en-US"));
        Assert.Equal("Bell.Unread.One", UnreadCountWords.Key(1, "en-US"));
        await Task.CompletedTask;
    }

    [Fact]
    public async Task NotificationsPage_RequiresSignIn()
    {
        using var client = fixture.CreatePortalClient();
        var response = await client.GetAsync("/notifications");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Identity/Account/Login", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NotificationsPage_ListsOnlyOwn_WithReadState_AndMarksAllRead()
    {
        var (me, email) = await UserAsync("Читатель");
        var (other, _) = await UserAsync("Чужой");
        var unread = await NotifyAsync(me, "Мой парк", SubmissionAction.RequestInformation, "Уточните адрес парка.", minutesAgo: 1);
        var read = await NotifyAsync(me, "Моя старая идея", read: true, minutesAgo: 60);
        var theirs = await NotifyAsync(other, "Чужая новость");
        using var client = await SignedInAsync(email);

        var page = await HtmlPage.GetAsync(client, "/notifications");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var items = page.Document.QuerySelectorAll(".notification-item");
        Assert.Equal([unread.Id.ToString(), read.Id.ToString()], items.Select(i => i.GetAttribute("data-id")!).ToArray());
        Assert.Equal("false", items[0].GetAttribute("data-read"));
        Assert.Contains("По «Мой парк» модератор просит уточнений", items[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("Уточните адрес парка.", items[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("Не прочитано", items[0].TextContent, StringComparison.Ordinal);
        Assert.Equal($"my/{unread.SubmissionId}", items[0].QuerySelector("a.notification-item__headline")!.GetAttribute("href"));
        Assert.Equal("true", items[1].GetAttribute("data-read"));
        Assert.Contains("Прочитано", items[1].TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Чужая новость", page.Html, StringComparison.Ordinal);

        var after = await page.SubmitAsync(client, new Dictionary<string, string> { ["Mark"] = "all" }, "main form");

        Assert.Equal(HttpStatusCode.OK, after.Status);
        Assert.All(after.Document.QuerySelectorAll(".notification-item"), i => Assert.Equal("true", i.GetAttribute("data-read")));
        Assert.Null(after.Document.QuerySelector("[data-testid=bell-count]"));
        Assert.NotNull((await StoredAsync(unread.Id)).ReadAt);
        Assert.Null((await StoredAsync(theirs.Id)).ReadAt);
    }

    [Fact]
    public async Task Service_MarksOnlyTheUsersOwnNotifications()
    {
        var (me, _) = await UserAsync("Владелец");
        var (other, _) = await UserAsync("Соседка");
        var mine = await NotifyAsync(me, "Моё");
        var alsoMine = await NotifyAsync(me, "Тоже моё");
        var theirs = await NotifyAsync(other, "Её");
        using var scope = fixture.Services.CreateScope();
        var service = scope.ServiceProvider.GetRequiredService<NotificationService>();
        var meUser = Principal(me);
        var otherUser = Principal(other);

        Assert.False(await service.MarkReadAsync(otherUser, mine.Id));
        Assert.Null((await StoredAsync(mine.Id)).ReadAt);
        Assert.Equal(1, await service.MarkAllReadAsync(otherUser));
        Assert.Null((await StoredAsync(mine.Id)).ReadAt);
        Assert.NotNull((await StoredAsync(theirs.Id)).ReadAt);
        Assert.DoesNotContain(await service.ListAsync(otherUser), n => n.UserId == me);
        Assert.Equal(2, await service.UnreadCountAsync(meUser));
        Assert.Equal(0, await service.UnreadCountAsync(new System.Security.Claims.ClaimsPrincipal()));
        Assert.Empty(await service.ListAsync(new System.Security.Claims.ClaimsPrincipal()));

        Assert.True(await service.MarkReadAsync(meUser, mine.Id));
        Assert.False(await service.MarkReadAsync(meUser, mine.Id));
        Assert.Equal(1, await service.UnreadCountAsync(meUser));
        Assert.NotNull((await StoredAsync(mine.Id)).ReadAt);
        Assert.Null((await StoredAsync(alsoMine.Id)).ReadAt);
    }

    [Fact]
    public async Task AuditLog_IsRefused_ToAnonymousAndModerators()
    {
        using var anonymous = fixture.CreatePortalClient();
        var response = await anonymous.GetAsync("/admin/audit");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Identity/Account/Login", response.Headers.Location!.OriginalString, StringComparison.Ordinal);

        var (_, email) = await UserAsync("Модератор без прав", PortalRoles.Moderator);
        using var client = await SignedInAsync(email);
        var refused = await client.GetAsync("/admin/audit");

        Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("AccessDenied", refused.Headers.Location?.OriginalString ?? refused.StatusCode.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuditLog_ShowsEntriesToAnAdmin_NewestFirst_AndFilters()
    {
        var (author, _) = await UserAsync("Автор журнала");
        var (alpha, _) = await UserAsync("Модератор Алия", PortalRoles.Moderator);
        var (beta, _) = await UserAsync("Модератор Бекзат", PortalRoles.Moderator);
        var approved = await fixture.Seed.IdeaAsync(author, "Идея для журнала", Submit(author));
        var rejected = await fixture.Seed.EventAsync(author, "Событие для журнала", Submit(author));
        using (var scope = fixture.Services.CreateScope())
        {
            var moderation = scope.ServiceProvider.GetRequiredService<ModerationService>();
            Assert.True((await moderation.DecideAsync(Principal(alpha, PortalRoles.Moderator), approved.Id, approved.Revision, ModerationDecision.Approve("Публикуем"))).Succeeded);
            Assert.True((await moderation.DecideAsync(Principal(beta, PortalRoles.Moderator), rejected.Id, rejected.Revision,
                ModerationDecision.Reject([ModerationClauses.NotAPublicItEvent], "Не про ИТ"))).Succeeded);
        }

        var (_, adminEmail) = await UserAsync("Администратор журнала", PortalRoles.Admin);
        using var client = await SignedInAsync(adminEmail);

        var page = await HtmlPage.GetAsync(client, "/admin/audit");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("Журнал действий", page.Document.QuerySelector("h1")!.TextContent.Trim());
        var rows = page.Document.QuerySelectorAll(".audit-row");
        Assert.True(rows.Length >= 2);
        // Newest first: the rejection was decided last.
        Assert.Contains("Модератор Бекзат", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("Отклонение", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("На модерации → Отклонено", rows[0].QuerySelector(".audit-row__change")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("2.1.7", rows[0].QuerySelector(".audit-row__details")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Не про ИТ", rows[0].QuerySelector(".audit-row__details")!.TextContent, StringComparison.Ordinal);
        Assert.Equal($"moderation/{rejected.Id}", rows[0].QuerySelector(".audit-row__subject a")!.GetAttribute("href"));
        Assert.Contains("Событие для журнала", rows[0].QuerySelector(".audit-row__subject")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(rows[0].QuerySelector(".audit-row__time time[datetime]"));

        var byActor = await HtmlPage.GetAsync(client, "/admin/audit?actor=" + Uri.EscapeDataString("Алия"));
        var actorRows = byActor.Document.QuerySelectorAll(".audit-row");
        Assert.Single(actorRows);
        Assert.Contains("Одобрение", actorRows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("На модерации → Опубликовано", actorRows[0].TextContent, StringComparison.Ordinal);
        Assert.Equal("Алия", byActor.Value("#audit-actor"));

        var byAction = await HtmlPage.GetAsync(client, "/admin/audit?action=Submission.Reject");
        Assert.All(byAction.Document.QuerySelectorAll(".audit-row"), r => Assert.Equal("Submission.Reject", r.GetAttribute("data-action")));
        Assert.Contains(byAction.Document.QuerySelectorAll(".audit-row"), r => r.TextContent.Contains("Модератор Бекзат", StringComparison.Ordinal));

        var bySubject = await HtmlPage.GetAsync(client, $"/admin/audit?subject={approved.Id}");
        Assert.Single(bySubject.Document.QuerySelectorAll(".audit-row"));

        var today = DateOnly.FromDateTime(DigitalAlmaty.Domain.Time.AlmatyTime.ToLocal(DateTimeOffset.UtcNow)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var tomorrow = DateOnly.FromDateTime(DigitalAlmaty.Domain.Time.AlmatyTime.ToLocal(DateTimeOffset.UtcNow)).AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var inRange = await HtmlPage.GetAsync(client, $"/admin/audit?subject={approved.Id}&from={today}&to={today}");
        Assert.Single(inRange.Document.QuerySelectorAll(".audit-row"));
        var outOfRange = await HtmlPage.GetAsync(client, $"/admin/audit?subject={approved.Id}&from={tomorrow}");
        Assert.Empty(outOfRange.Document.QuerySelectorAll(".audit-row"));
        Assert.Contains("Записей не найдено.", outOfRange.Text, StringComparison.Ordinal);

        var kazakh = await HtmlPage.GetAsync(client, "/admin/audit?culture=kk-KZ");
        Assert.Equal("Әрекеттер журналы", kazakh.Document.QuerySelector("h1")!.TextContent.Trim());
    }
}
