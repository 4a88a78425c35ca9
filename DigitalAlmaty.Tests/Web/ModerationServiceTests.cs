using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Claims;
using DigitalAlmaty.Domain;
using DigitalAlmaty.Domain.Accounts;
using DigitalAlmaty.Domain.Submissions;
using DigitalAlmaty.Tests.Support;
using DigitalAlmaty.Web.Data;
using DigitalAlmaty.Web.Features.Moderation;
using DigitalAlmaty.Web.Realtime;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static DigitalAlmaty.Tests.Support.SubmissionSeed;

namespace DigitalAlmaty.Tests.Web;

/// <summary>Moderators' decisions on the server: who may decide, what is written, who is told and how.</summary>
public sealed class ModerationServiceTests(ModerationServiceTests.Fixture fixture) : IClassFixture<ModerationServiceTests.Fixture>
{
    public sealed class Fixture : PortalFactory
    {
        public SubmissionSeed Seed => new(this);
    }

    private const string Password = "Moderation-Pass-2026";

    public static ClaimsPrincipal Principal(string userId, params string[] roles) =>
        new(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, userId), .. roles.Select(r => new Claim(ClaimTypes.Role, r))],
            authenticationType: "Test"));

    private async Task<PortalUser> UserAsync(string name, string? culture = null, params string[] roles)
    {
        var user = await fixture.CreateUserAsync($"{Guid.NewGuid():N}@example.kz", Password, name, roles);
        if (culture is not null)
        {
            using var scope = fixture.Services.CreateScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            var stored = await users.FindByIdAsync(user.Id);
            stored!.PreferredCulture = culture;
            await users.UpdateAsync(stored);
        }

        return user;
    }

    private async Task<ModerationResult> DecideAsync(ClaimsPrincipal who, Guid id, int revision, ModerationDecision decision)
    {
        using var scope = fixture.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<ModerationService>().DecideAsync(who, id, revision, decision);
    }

    private async Task<T> WithDbAsync<T>(Func<PortalDbContext, Task<T>> read)
    {
        var databases = fixture.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        await using var db = await databases.CreateDbContextAsync();
        return await read(db);
    }

    private Task<List<AuditEntry>> AuditAsync(Guid subject) =>
        WithDbAsync(db => db.AuditLog.AsNoTracking().Where(a => a.SubjectId == subject.ToString()).ToListAsync());

    private Task<List<Notification>> NotificationsAsync(Guid subject) =>
        WithDbAsync(db => db.Notifications.AsNoTracking().Where(n => n.SubmissionId == subject).ToListAsync());

    private Task<Submission> SubmissionAsync(Guid id) =>
        WithDbAsync(db => db.Submissions.AsNoTracking().SingleAsync(s => s.Id == id));

    [Fact]
    public async Task PlainUser_IsRefused_AndNothingChanges()
    {
        var author = await UserAsync("Автор");
        var stranger = await UserAsync("Посторонний");
        var idea = await fixture.Seed.IdeaAsync(author.Id, "Идея на модерации", Submit(author.Id));

        var asUser = await DecideAsync(Principal(stranger.Id), idea.Id, idea.Revision, ModerationDecision.Approve());
        var asAuthor = await DecideAsync(Principal(author.Id), idea.Id, idea.Revision, ModerationDecision.Approve());
        var anonymous = await DecideAsync(new ClaimsPrincipal(new ClaimsIdentity()), idea.Id, idea.Revision, ModerationDecision.Approve());

        Assert.All([asUser, asAuthor, anonymous], r =>
        {
            Assert.False(r.Succeeded);
            Assert.Equal(ModerationResult.NotAllowed, r.ErrorCode);
        });
        var stored = await SubmissionAsync(idea.Id);
        Assert.Equal(SubmissionStatus.Submitted, stored.Status);
        Assert.Equal(idea.Revision, stored.Revision);
        Assert.Empty(await AuditAsync(idea.Id));
        Assert.Empty(await NotificationsAsync(idea.Id));
    }

    [Fact]
    public async Task Approve_Publishes_WritesOneAuditEntry_AndOneNotificationForTheAuthor()
    {
        var author = await UserAsync("Автор идеи");
        var moderator = await UserAsync("Модератор Ержан", null, PortalRoles.Moderator);
        var idea = await fixture.Seed.IdeaAsync(author.Id, "Умные светофоры", Submit(author.Id));

        var result = await DecideAsync(Principal(moderator.Id, PortalRoles.Moderator), idea.Id, idea.Revision, ModerationDecision.Approve("Отличная идея, публикуем."));

        Assert.True(result.Succeeded, result.ErrorCode);
        var stored = await SubmissionAsync(idea.Id);
        Assert.Equal(SubmissionStatus.Published, stored.Status);
        Assert.Equal(result.Revision, stored.Revision);
        var audit = Assert.Single(await AuditAsync(idea.Id));
        Assert.Equal(moderator.Id, audit.ActorId);
        Assert.Equal("Submission.Approve", audit.Action);
        Assert.Equal("Idea", audit.SubjectType);
        Assert.Equal(nameof(SubmissionStatus.Submitted), audit.Before);
        Assert.Equal(nameof(SubmissionStatus.Published), audit.After);
        Assert.Contains("Отличная идея, публикуем.", audit.Details, StringComparison.Ordinal);
        var notification = Assert.Single(await NotificationsAsync(idea.Id));
        Assert.Equal(author.Id, notification.UserId);
        Assert.Equal(SubmissionAction.Approve, notification.Action);
        Assert.Equal("Умные светофоры", notification.SubmissionTitle);
        Assert.Equal("Отличная идея, публикуем.", notification.Message);
        Assert.Null(notification.ReadAt);
    }

    [Fact]
    public async Task Reject_RequiresAClause_AndCitesTheClausesInTheAudit()
    {
        var author = await UserAsync("Автор события");
        var moderator = await UserAsync("Модератор Айгуль", null, PortalRoles.Moderator);
        var cityEvent = await fixture.Seed.EventAsync(author.Id, "Встреча без темы", Submit(author.Id));
        var who = Principal(moderator.Id, PortalRoles.Moderator);

        var withoutClause = await DecideAsync(who, cityEvent.Id, cityEvent.Revision, ModerationDecision.Reject([], "Нет причины"));

        Assert.False(withoutClause.Succeeded);
        Assert.Equal(DomainErrorCodes.ReasonRequired, withoutClause.ErrorCode);
        Assert.Equal("Submission.ReasonRequired", withoutClause.ErrorCode);
        Assert.Empty(await AuditAsync(cityEvent.Id));
        Assert.Equal(SubmissionStatus.Submitted, (await SubmissionAsync(cityEvent.Id)).Status);

        var rejected = await DecideAsync(who, cityEvent.Id, cityEvent.Revision,
            ModerationDecision.Reject([ModerationClauses.NotAPublicItEvent, ModerationClauses.Misleading], "Это не ИТ-событие."));

        Assert.True(rejected.Succeeded, rejected.ErrorCode);
        var audit = Assert.Single(await AuditAsync(cityEvent.Id));
        Assert.Equal("Submission.Reject", audit.Action);
        Assert.Equal("Event", audit.SubjectType);
        Assert.Equal(nameof(SubmissionStatus.Rejected), audit.After);
        Assert.Contains("2.1.7", audit.Details, StringComparison.Ordinal);
        Assert.Contains("4.3.6", audit.Details, StringComparison.Ordinal);
        Assert.Equal(SubmissionStatus.Rejected, (await SubmissionAsync(cityEvent.Id)).Status);
    }

    [Fact]
    public async Task TwoModerators_SameRevision_ExactlyOneWins_TheOtherIsToldWhoAndWhat()
    {
        var author = await UserAsync("Автор гонки");
        var first = await UserAsync("Модератор Первый", null, PortalRoles.Moderator);
        var second = await UserAsync("Модератор Второй", null, PortalRoles.Admin);
        var idea = await fixture.Seed.IdeaAsync(author.Id, "Спорная идея", Submit(author.Id));

        var results = await Task.WhenAll(
            DecideAsync(Principal(first.Id, PortalRoles.Moderator), idea.Id, idea.Revision, ModerationDecision.Approve()),
            DecideAsync(Principal(second.Id, PortalRoles.Admin), idea.Id, idea.Revision, ModerationDecision.Reject([ModerationClauses.IncompleteIdea], "Мало деталей.")));

        Assert.Single(results, r => r.Succeeded);
        var winnerIndex = Array.FindIndex(results, r => r.Succeeded);
        var loser = results[1 - winnerIndex];
        var (winnerName, winnerAction) = winnerIndex == 0
            ? ("Модератор Первый", SubmissionAction.Approve)
            : ("Модератор Второй", SubmissionAction.Reject);
        Assert.Equal(ModerationResult.AlreadyDecided, loser.ErrorCode);
        Assert.Equal(winnerName, loser.DecidedBy);
        Assert.Equal(winnerAction, loser.DecidedAction);
        Assert.Single(await AuditAsync(idea.Id));
        Assert.Single(await NotificationsAsync(idea.Id));

        // Coming later with the old revision is refused the same way.
        var late = await DecideAsync(Principal(first.Id, PortalRoles.Moderator), idea.Id, idea.Revision, ModerationDecision.Hide([ModerationClauses.Unlawful], null));
        Assert.Equal(ModerationResult.AlreadyDecided, late.ErrorCode);
        Assert.Equal(winnerName, late.DecidedBy);
    }

    [Fact]
    public async Task Author_GetsAnEmail_InTheirPreferredCulture()
    {
        var author = await UserAsync("Дәурен Қасымов", "kk-KZ");
        var moderator = await UserAsync("Модератор Почта", null, PortalRoles.Moderator);
        var idea = await fixture.Seed.IdeaAsync(author.Id, "Ашық деректер порталы", Submit(author.Id));

        var result = await DecideAsync(Principal(moderator.Id, PortalRoles.Moderator), idea.Id, idea.Revision,
            ModerationDecision.RequestInformation("Пилоттық аудандарды көрсетіңіз."));

        Assert.True(result.Succeeded, result.ErrorCode);
        var mail = await fixture.Mailbox.WaitForAsync(author.Email!);
        var kazakh = KazakhHeadline("Decision.RequestInformation", "Ашық деректер порталы");
        Assert.StartsWith("«Ашық деректер порталы» бойынша модератор", kazakh, StringComparison.Ordinal);
        Assert.Contains(kazakh, mail.Subject, StringComparison.Ordinal);
        Assert.Contains(kazakh, mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("Пилоттық аудандарды көрсетіңіз.", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("culture=kk-KZ", mail.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("модератор просит", mail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Decision_IsAnnounced_OnTheEventFeed()
    {
        var author = await UserAsync("Автор событий ленты");
        var moderator = await UserAsync("Модератор Лента", null, PortalRoles.Moderator);
        var idea = await fixture.Seed.IdeaAsync(author.Id, "Идея для ленты", Submit(author.Id));
        var feed = fixture.Services.GetRequiredService<PortalEventFeed>();
        var seen = new ConcurrentQueue<PortalEvent>();
        using var changes = feed.Subscribe<SubmissionChanged>(e => { seen.Enqueue(e); return Task.CompletedTask; });
        using var notifications = feed.Subscribe<NotificationCreated>(e => { seen.Enqueue(e); return Task.CompletedTask; });

        var result = await DecideAsync(Principal(moderator.Id, PortalRoles.Moderator), idea.Id, idea.Revision, ModerationDecision.Approve());

        Assert.True(result.Succeeded, result.ErrorCode);
        var notification = Assert.Single(await NotificationsAsync(idea.Id));
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (DateTime.UtcNow < deadline && !(seen.OfType<SubmissionChanged>().Any(e => e.Id == idea.Id) && seen.OfType<NotificationCreated>().Any(e => e.UserId == author.Id)))
        {
            await Task.Delay(50);
        }

        var changed = Assert.Single(seen.OfType<SubmissionChanged>(), e => e.Id == idea.Id);
        Assert.Equal(SubmissionStatus.Published, changed.Status);
        Assert.Equal(SubmissionKind.Idea, changed.Kind);
        Assert.Equal(author.Id, changed.AuthorId);
        var created = Assert.Single(seen.OfType<NotificationCreated>(), e => e.UserId == author.Id);
        Assert.Equal(notification.Id, created.NotificationId);
    }

    private string KazakhHeadline(string key, string title)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("kk-KZ");
        try
        {
            var text = fixture.Services.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<DigitalAlmaty.Web.Resources.NotificationText>>();
            return text[key, title];
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}
