using System.Globalization;
using System.Security.Claims;
using Bunit;
using DigitalAlmaty.Domain.Ideas;
using DigitalAlmaty.Domain.Submissions;
using DigitalAlmaty.Tests.Support;
using DigitalAlmaty.Tests.Web;
using DigitalAlmaty.Web.Data;
using DigitalAlmaty.Web.Features.Moderation;
using DigitalAlmaty.Web.Features.Submissions;
using DigitalAlmaty.Web.Realtime;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DigitalAlmaty.Tests.Components;

/// <summary>
/// The live queue on a real SQLite database and a real event feed: rows arrive, change and leave as
/// SubmissionChanged events report, one row at a time.
/// </summary>
public sealed class ModerationQueueTests : BunitContext, IAsyncLifetime
{
    private readonly string _directory = TestDatabases.NewTempDirectory();
    private readonly string _authorId = Guid.NewGuid().ToString();
    private readonly string _moderatorId = Guid.NewGuid().ToString();
    private readonly ServiceProvider _database;
    private readonly PortalEventFeed _feed;
    private readonly CultureInfo _culture = CultureInfo.CurrentCulture;
    private readonly CultureInfo _uiCulture = CultureInfo.CurrentUICulture;

    public ModerationQueueTests()
    {
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("ru-RU");
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("ru-RU");
        _database = TestDatabases.BuildServices(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["ConnectionStrings:Portal"] = $"Data Source={Path.Combine(_directory, "portal.db")}",
        });

        JSInterop.Mode = JSRuntimeMode.Loose;
        JSInterop.SetupModule("./Features/Moderation/ModerationQueuePage.razor.js");
        Services.AddLocalization();
        Services.AddLogging();
        Services.AddOptions<ModerationOptions>();
        Services.AddSingleton(TimeProvider.System);
        Services.AddSingleton<PortalEventFeed>();
        Services.AddSingleton(_database.GetRequiredService<IDbContextFactory<PortalDbContext>>());
        Services.AddSingleton<ModerationQueue>();
        Services.AddScoped<QueueCountRelay>();
        Services.AddSingleton(System.Text.Encodings.Web.HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All));
        Services.AddSingleton<ReviewPresence>();
        // The comments the queue shows above the items, and the similar ideas beside an idea under review.
        Services.AddScoped<DigitalAlmaty.Web.Features.Accounts.ActingUser>();
        Services.AddScoped<DigitalAlmaty.Web.Features.Participation.CommentModeration>();
        Services.AddScoped<DigitalAlmaty.Web.Features.Catalog.SimilarIdeas>();
        AddAuthorization()
            .SetAuthorized("Модератор Тестов")
            .SetRoles("Moderator")
            .SetClaims(new Claim(ClaimTypes.NameIdentifier, _moderatorId));
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        _feed = Services.GetRequiredService<PortalEventFeed>();
        Services.GetRequiredService<ReviewPresence>(); // subscribed from the start, as the host starts it
    }

    public async Task InitializeAsync()
    {
        await using var db = await Databases().CreateDbContextAsync();
        await db.Database.MigrateAsync();
        foreach (var (id, name) in new[] { (_authorId, "Айгүл Автор"), (_moderatorId, "Модератор Тестов") })
        {
            db.Users.Add(new PortalUser
            {
                Id = id,
                UserName = $"{id}@example.kz",
                NormalizedUserName = $"{id}@EXAMPLE.KZ".ToUpperInvariant(),
                Email = $"{id}@example.kz",
                DisplayName = name,
                CreatedAt = DateTimeOffset.UtcNow,
            });
        }

        await db.SaveChangesAsync();
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        await _database.DisposeAsync();
        TestDatabases.DeleteSqliteDirectory(_directory);
        CultureInfo.CurrentCulture = _culture;
        CultureInfo.CurrentUICulture = _uiCulture;
    }

    private IDbContextFactory<PortalDbContext> Databases() => _database.GetRequiredService<IDbContextFactory<PortalDbContext>>();

    private async Task<Idea> SubmittedIdeaAsync(string title, DateTimeOffset at)
    {
        var idea = Idea.StartDraft(Guid.NewGuid(), _authorId, at.AddMinutes(-5));
        idea.Edit(_authorId, SubmissionSeed.IdeaContent(title), at.AddMinutes(-4));
        idea.Submit(_authorId, at);
        await using var db = await Databases().CreateDbContextAsync();
        db.Add(idea);
        await db.SaveChangesAsync();
        return idea;
    }

    /// <summary>An idea published an hour ago, after two hours in the queue.</summary>
    private async Task<Idea> PublishedIdeaAsync(string title)
    {
        var at = DateTimeOffset.UtcNow.AddHours(-3);
        var idea = Idea.StartDraft(Guid.NewGuid(), _authorId, at);
        idea.Edit(_authorId, SubmissionSeed.IdeaContent(title), at);
        idea.Submit(_authorId, at.AddHours(1));
        idea.Approve(_moderatorId, at.AddHours(2));
        await using var db = await Databases().CreateDbContextAsync();
        db.Add(idea);
        await db.SaveChangesAsync();
        return idea;
    }

    /// <summary>A reader's report on a published item, stored as the flag service would, then told to the feed.</summary>
    private async Task ReportAsync(Guid id, string reporterId, string clause)
    {
        await using var db = await Databases().CreateDbContextAsync();
        db.ContentFlags.Add(new ContentFlag { SubmissionId = id, ReporterId = reporterId, Clause = clause, Message = "Проверьте, пожалуйста.", CreatedAt = DateTimeOffset.UtcNow });
        await db.SaveChangesAsync();
        _feed.Publish(new FlagsChanged(id));
    }

    /// <summary>Changes one stored item through the domain, as a service would, then tells the feed.</summary>
    private async Task ChangeAsync(Guid id, Action<Submission> change)
    {
        await using var db = await Databases().CreateDbContextAsync();
        var item = await db.Submissions.SingleAsync(s => s.Id == id);
        change(item);
        await db.SaveChangesAsync();
        _feed.Publish(new SubmissionChanged(item.Id, item.Kind, item.Status, item.AuthorId));
    }

    private static string[] Titles(IRenderedComponent<ModerationQueuePage> queue) =>
        queue.FindAll("[data-testid=queue-row] .queue-row__title").Select(a => a.TextContent).ToArray();

    [Fact]
    public async Task Rows_ArriveChangeAndLeave_WithTheFeed_OneAtATime()
    {
        var older = await SubmittedIdeaAsync("Старая идея", DateTimeOffset.UtcNow.AddHours(-50));
        var queue = Render<ModerationQueuePage>();
        queue.WaitForAssertion(() => Assert.Equal(["Старая идея"], Titles(queue)));
        // Past the 48-hour service level: marked late.
        Assert.Contains("queue-row--late", queue.Find("[data-testid=queue-row]").ClassName, StringComparison.Ordinal);
        Assert.Contains("Ожидают: 1", queue.Find("[data-testid=queue-count]").TextContent, StringComparison.Ordinal);
        queue.WaitForState(() => _feed.SubscriberCount >= 3); // the page (two kinds) and the presence registry

        // A new item enters the queue: inserted after the older one, highlighted as new.
        var newer = await SubmittedIdeaAsync("Новая идея", DateTimeOffset.UtcNow);
        _feed.Publish(new SubmissionChanged(newer.Id, SubmissionKind.Idea, SubmissionStatus.Submitted, _authorId));
        queue.WaitForAssertion(() => Assert.Equal(["Старая идея", "Новая идея"], Titles(queue)));
        Assert.Contains("queue-row--new", queue.Find($"[data-id='{newer.Id}']").ClassName, StringComparison.Ordinal);
        Assert.Contains("Ожидают: 2", queue.Find("[data-testid=queue-count]").TextContent, StringComparison.Ordinal);

        // The author withdraws, edits and resubmits the older one: its row is updated and marked as resubmitted.
        await ChangeAsync(older.Id, item =>
        {
            var idea = (Idea)item;
            var at = DateTimeOffset.UtcNow.AddMinutes(-1);
            idea.Withdraw(_authorId, at);
            idea.Edit(_authorId, SubmissionSeed.IdeaContent("Старая идея, исправленная"), at);
            idea.Submit(_authorId, at);
        });
        queue.WaitForAssertion(() => Assert.Equal(["Старая идея, исправленная", "Новая идея"], Titles(queue)));
        Assert.Contains("Повторно", queue.Find($"[data-id='{older.Id}']").TextContent, StringComparison.Ordinal);

        // Another moderator opens the new one: the row says so.
        _feed.Publish(new ReviewPresenceChanged(newer.Id, "other-moderator", "Ерлан Модератор"));
        queue.WaitForAssertion(() => Assert.Contains("Просматривает: Ерлан Модератор", queue.Find($"[data-id='{newer.Id}']").TextContent, StringComparison.Ordinal));
        _feed.Publish(new ReviewPresenceChanged(newer.Id, "other-moderator", null));
        queue.WaitForAssertion(() => Assert.Empty(queue.FindAll($"[data-id='{newer.Id}'] [data-testid=presence]")));

        // Approved elsewhere: the row leaves; the other stays.
        await ChangeAsync(newer.Id, item => item.Approve(_moderatorId, DateTimeOffset.UtcNow));
        queue.WaitForAssertion(() => Assert.Equal(["Старая идея, исправленная"], Titles(queue)));
        Assert.Contains("Ожидают: 1", queue.Find("[data-testid=queue-count]").TextContent, StringComparison.Ordinal);

        // A change that does not concern the queue (a draft saved) changes nothing.
        _feed.Publish(new SubmissionChanged(Guid.NewGuid(), SubmissionKind.Event, SubmissionStatus.Draft, _authorId));
        await Task.Delay(200);
        Assert.Equal(["Старая идея, исправленная"], Titles(queue));
    }

    [Fact]
    public async Task ReportedItems_AppearAsFlaggedRows_Live_AndLeaveWhenResolved()
    {
        var idea = await PublishedIdeaAsync("Опубликованная идея с жалобами");

        var queue = Render<ModerationQueuePage>();
        queue.WaitForState(() => _feed.SubscriberCount >= 4);
        Assert.Empty(queue.FindAll("[data-testid=flagged-row]"));

        await ReportAsync(idea.Id, _moderatorId, ModerationClauses.PersonalData);
        queue.WaitForAssertion(() => Assert.Contains("Жалоб: 1", queue.Find("[data-testid=flag-count]").TextContent, StringComparison.Ordinal));
        Assert.Contains("4.3.9", queue.Find("[data-testid=flag-reasons]").TextContent, StringComparison.Ordinal);
        Assert.Contains("Опубликованная идея с жалобами", queue.Find("[data-testid=flagged-row]").TextContent, StringComparison.Ordinal);

        await ReportAsync(idea.Id, _authorId, ModerationClauses.PersonalData);
        queue.WaitForAssertion(() => Assert.Contains("Жалоб: 2", queue.Find("[data-testid=flag-count]").TextContent, StringComparison.Ordinal));
        Assert.Contains("×2", queue.Find("[data-testid=flag-reasons]").TextContent, StringComparison.Ordinal);

        // Resolved (hidden elsewhere): the row leaves.
        await ChangeAsync(idea.Id, item => item.Hide(_moderatorId, DateTimeOffset.UtcNow, [ModerationClauses.PersonalData], null));
        queue.WaitForAssertion(() => Assert.Empty(queue.FindAll("[data-testid=flagged-row]")));
    }

    [Fact]
    public async Task Badge_FollowsTheFeed_AndTakesItsCountFromAnOpenQueue()
    {
        await SubmittedIdeaAsync("Первая идея", DateTimeOffset.UtcNow.AddHours(-2));
        var badge = Render<ModerationBadge>();
        string Count() => badge.Find("[data-testid=moderation-count]").TextContent;
        badge.WaitForAssertion(() => Assert.Equal("1", Count()));
        var relay = Services.GetRequiredService<QueueCountRelay>();
        Assert.False(relay.CarriedByPage);

        // No queue open in this circuit: the badge recounts on the feed itself.
        var second = await SubmittedIdeaAsync("Вторая идея", DateTimeOffset.UtcNow.AddHours(-1));
        _feed.Publish(new SubmissionChanged(second.Id, SubmissionKind.Idea, SubmissionStatus.Submitted, _authorId));
        badge.WaitForAssertion(() => Assert.Equal("2", Count()));

        // With the queue open, the queue carries the count to the badge as it renders its list.
        var queue = Render<ModerationQueuePage>();
        queue.WaitForState(() => relay.CarriedByPage);
        var third = await SubmittedIdeaAsync("Третья идея", DateTimeOffset.UtcNow);
        _feed.Publish(new SubmissionChanged(third.Id, SubmissionKind.Idea, SubmissionStatus.Submitted, _authorId));
        queue.WaitForAssertion(() => Assert.Contains("Ожидают: 3", queue.Find("[data-testid=queue-count]").TextContent, StringComparison.Ordinal));
        badge.WaitForAssertion(() => Assert.Equal("3", Count()));

        await ChangeAsync(second.Id, item => item.Approve(_moderatorId, DateTimeOffset.UtcNow));
        badge.WaitForAssertion(() => Assert.Equal("2", Count()));
    }

    [Fact]
    public async Task Badge_CountsPublishedItemsWithOpenReports_OncePerItem_AlsoWhileAQueueCarriesIt()
    {
        await SubmittedIdeaAsync("Ждёт решения", DateTimeOffset.UtcNow.AddHours(-2));
        var reported = await PublishedIdeaAsync("Опубликованная, с жалобой");

        var badge = Render<ModerationBadge>();
        string Count() => badge.Find("[data-testid=moderation-count]").TextContent;
        badge.WaitForAssertion(() => Assert.Equal("1", Count()));

        await ReportAsync(reported.Id, _moderatorId, ModerationClauses.Misleading);
        badge.WaitForAssertion(() => Assert.Equal("2", Count()));

        // A second report on the same item is still one item to look at.
        await ReportAsync(reported.Id, _authorId, ModerationClauses.Misleading);
        await Task.Delay(200);
        Assert.Equal("2", Count());

        // While the queue carries the submissions' count, the reported item stays in the badge.
        var queue = Render<ModerationQueuePage>();
        var relay = Services.GetRequiredService<QueueCountRelay>();
        queue.WaitForState(() => relay.CarriedByPage);
        var another = await SubmittedIdeaAsync("Ещё одна", DateTimeOffset.UtcNow);
        _feed.Publish(new SubmissionChanged(another.Id, SubmissionKind.Idea, SubmissionStatus.Submitted, _authorId));
        badge.WaitForAssertion(() => Assert.Equal("3", Count()));

        // Hidden (its reports no longer wait, even before anyone dismisses them): it leaves the count.
        await ChangeAsync(reported.Id, item => item.Hide(_moderatorId, DateTimeOffset.UtcNow, [ModerationClauses.Misleading], null));
        badge.WaitForAssertion(() => Assert.Equal("2", Count()));
    }

    [Fact]
    public async Task Disposing_TheQueue_Unsubscribes()
    {
        var before = _feed.SubscriberCount;
        var queue = Render<ModerationQueuePage>();
        queue.WaitForState(() => _feed.SubscriberCount > before + 1);

        await DisposeComponentsAsync();

        Assert.Equal(before, _feed.SubscriberCount);
    }
}
