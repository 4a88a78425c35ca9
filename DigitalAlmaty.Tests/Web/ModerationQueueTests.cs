using System.Net;
using DigitalAlmaty.Domain.Ideas;
using DigitalAlmaty.Domain.Submissions;
using DigitalAlmaty.Tests.Support;
using DigitalAlmaty.Web.Data;
using DigitalAlmaty.Web.Features.Moderation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DigitalAlmaty.Tests.Web;

/// <summary>Who may open /moderation, and the queue's reads: keyset paging and title search.</summary>
public sealed class ModerationQueueTests(ModerationQueueTests.Fixture fixture) : IClassFixture<ModerationQueueTests.Fixture>
{
    public sealed class Fixture : PortalFactory
    {
        public ModerationQueue Queue => Services.GetRequiredService<ModerationQueue>();
    }


    private Task<(string Id, string Email)> UserAsync(string name, params string[] roles) =>
        fixture.NewUserAsync(name, roles);

    private Task<HttpClient> SignedInAsync(string email) => fixture.SignedInClientAsync(email);

    /// <summary>Submitted ideas with chosen titles and submission instants, saved in one go.</summary>
    private async Task<List<Idea>> SubmittedAsync(string authorId, IEnumerable<(string Title, DateTimeOffset At)> items)
    {
        var ideas = new List<Idea>();
        foreach (var (title, at) in items)
        {
            var idea = Idea.StartDraft(Guid.NewGuid(), authorId, at.AddMinutes(-5));
            idea.Edit(authorId, SubmissionSeed.IdeaContent(title), at.AddMinutes(-4));
            idea.Submit(authorId, at);
            ideas.Add(idea);
        }

        await using var db = await fixture.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        db.AddRange(ideas);
        await db.SaveChangesAsync();
        return ideas;
    }

    [Fact]
    public async Task Queue_RedirectsAnonymousVisitors_ToSignIn()
    {
        using var client = fixture.CreatePortalClient();

        foreach (var path in new[] { "/moderation", $"/moderation/{Guid.NewGuid()}" })
        {
            var response = await client.GetAsync(path);

            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains("/Identity/Account/Login", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Queue_RefusesAPlainUser_AndOpensForAModerator()
    {
        var (_, plain) = await UserAsync("plain");
        var (_, moderator) = await UserAsync("moderator", "Moderator");
        using var plainClient = await SignedInAsync(plain);
        using var moderatorClient = await SignedInAsync(moderator);

        var refused = await plainClient.GetAsync("/moderation");
        var opened = await HtmlPage.GetAsync(moderatorClient, "/moderation");

        Assert.True(
            refused.StatusCode == HttpStatusCode.Forbidden
            || (refused.StatusCode == HttpStatusCode.Redirect && refused.Headers.Location!.OriginalString.Contains("AccessDenied", StringComparison.Ordinal)),
            $"A plain user got {(int)refused.StatusCode} {refused.Headers.Location}");
        Assert.Equal(HttpStatusCode.OK, opened.Status);
        // The app bar offers the queue to moderators only.
        Assert.NotNull(opened.Document.QuerySelector(".account-menu__panel a[href='moderation']"));
        var plainHome = await HtmlPage.GetAsync(plainClient, "/");
        Assert.Null(plainHome.Document.QuerySelector(".account-menu__panel a[href='moderation']"));
        Assert.Null(plainHome.Document.QuerySelector("[data-testid=moderation-badge]"));
    }

    [Fact]
    public async Task KeysetPaging_ReturnsEveryWaitingItemOnce_OldestFirst()
    {
        var (author, _) = await UserAsync("paging");
        var marker = $"Пейджинг-{Guid.NewGuid():N}"[..20];
        var start = DateTimeOffset.UtcNow.AddDays(-3);
        // 120 items over 40 instants: three share each instant, so the Id breaks the ties.
        var seeded = await SubmittedAsync(author, Enumerable.Range(0, 120)
            .Select(i => ($"{marker} №{i:D3}", start.AddMinutes(i / 3))));

        var seen = new List<QueueRow>();
        QueueCursor? cursor = null;
        var pages = 0;
        do
        {
            var page = await fixture.Queue.PageAsync(new QueueFilter(Search: marker), cursor, size: 25);
            seen.AddRange(page.Rows);
            cursor = page.Next;
            pages++;
            Assert.True(pages <= 6, "Paging did not end.");
        }
        while (cursor is not null);

        Assert.Equal(5, pages);
        Assert.Equal(120, seen.Count);
        Assert.Equal(seeded.Select(i => i.Id).Order(), seen.Select(r => r.Id).Order());
        Assert.Equal(seen.Count, seen.Select(r => r.Id).Distinct().Count());
        Assert.Equal(seen.OrderBy(r => r.SubmittedAt).Select(r => r.SubmittedAt), seen.Select(r => r.SubmittedAt));
        Assert.Equal(start.AddMinutes(39).UtcTicks, seen[^1].SubmittedAt.UtcTicks);
        Assert.All(seen, r => Assert.Equal("paging", r.AuthorName));
    }

    [Theory]
    [InlineData("100%", true)]
    [InlineData("%", true)]
    [InlineData("на_пар", true)]
    [InlineData("_", true)]
    [InlineData("\"центр\"", true)]
    [InlineData("'А'", true)]
    [InlineData("СКИДКА", true)]
    [InlineData("0%_", false)]
    [InlineData("'; DROP TABLE Submissions; --", false)]
    [InlineData("[a-z]\\", false)]
    public async Task TitleSearch_TakesOddCharactersLiterally_AndIgnoresCase(string search, bool found)
    {
        var (author, _) = await UserAsync("search");
        var marker = Guid.NewGuid().ToString("N")[..8];
        var ideas = await SubmittedAsync(author, [
            ($"Скидка 100% на_парковку \"Центр\" 'А' {marker}", DateTimeOffset.UtcNow.AddHours(-2)),
            ($"Обычная идея без знаков {marker}", DateTimeOffset.UtcNow.AddHours(-1)),
        ]);

        // The marker keeps other tests' items out; the odd term is searched on its own too.
        var all = await fixture.Queue.PageAsync(new QueueFilter(Search: search), size: 200);
        var page = all.Rows.Where(r => r.Title.EndsWith(marker, StringComparison.Ordinal)).ToList();

        Assert.Equal(found ? [ideas[0].Id] : [], page.Select(r => r.Id).ToArray());
        Assert.DoesNotContain(all.Rows, r => r.Id == ideas[1].Id);
    }

    [Fact]
    public async Task KindAndCategoryFilters_AndCount()
    {
        var (author, _) = await UserAsync("filters");
        var seed = new SubmissionSeed(fixture);
        var idea = await seed.IdeaAsync(author, "Фильтр идея", SubmissionSeed.Submit(author));
        var cityEvent = await seed.EventAsync(author, "Фильтр событие", SubmissionSeed.Submit(author));

        var ideas = await fixture.Queue.PageAsync(new QueueFilter(Kind: SubmissionKind.Idea, Search: "Фильтр"));
        var events = await fixture.Queue.PageAsync(new QueueFilter(Kind: SubmissionKind.Event, Search: "фильтр"));
        var transport = await fixture.Queue.PageAsync(new QueueFilter(Category: "transport", Search: "Фильтр"));
        var health = await fixture.Queue.PageAsync(new QueueFilter(Category: "health", Search: "Фильтр"));

        Assert.Contains(ideas.Rows, r => r.Id == idea.Id);
        Assert.DoesNotContain(ideas.Rows, r => r.Id == cityEvent.Id);
        Assert.Contains(events.Rows, r => r.Id == cityEvent.Id);
        Assert.DoesNotContain(events.Rows, r => r.Id == idea.Id);
        Assert.Contains(transport.Rows, r => r.Id == idea.Id && r.Category == "transport");
        Assert.DoesNotContain(health.Rows, r => r.Id == idea.Id);
        Assert.True(await fixture.Queue.CountAsync() >= 2);
        Assert.Null(await fixture.Queue.RowAsync(Guid.NewGuid()));
    }
}
