using System.Net;
using System.ServiceModel.Syndication;
using System.Xml;
using DigitalAlmaty.Domain.Events;
using DigitalAlmaty.Domain.Ideas;
using DigitalAlmaty.Tests.Domain;
using DigitalAlmaty.Tests.Support;
using DigitalAlmaty.Web.Data;
using Ical.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DigitalAlmaty.Tests.Web;

/// <summary>The public lists, feeds and calendars: only published items, stable paging, parseable output.</summary>
public sealed class CatalogTests(CatalogTests.Fixture fixture) : IClassFixture<CatalogTests.Fixture>
{
    public sealed class Fixture : PortalFactory, IAsyncLifetime
    {
        public const int PublishedIdeas = 45;

        public List<Guid> Published { get; } = [];

        public Guid Draft { get; private set; }

        public Guid Waiting { get; private set; }

        public Guid TenOClockEvent { get; private set; }

        public async Task InitializeAsync()
        {
            var author = await CreateUserAsync($"catalog-{Guid.NewGuid():N}@example.kz", "Catalog-Pass-2026", "Каталог Автор");
            var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
            await using var db = await Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
            for (var i = 0; i < PublishedIdeas; i++)
            {
                var idea = Idea.StartDraft(Guid.NewGuid(), author.Id, start);
                // Every fifth pair shares a title and a publication time, to exercise the id tie-break.
                var title = $"Идея {(i / 2):D3}";
                idea.Edit(author.Id, SubmissionBuilder.ValidIdea with { Title = title, Category = i % 3 == 0 ? "ecology" : "transport" }, start);
                idea.Submit(author.Id, start);
                idea.Approve("moderator", start.AddHours(i / 2));
                db.Ideas.Add(idea);
                Published.Add(idea.Id);
            }

            var draft = Idea.StartDraft(Guid.NewGuid(), author.Id, start);
            draft.Edit(author.Id, SubmissionBuilder.ValidIdea with { Title = "Черновик не для всех" }, start);
            var waiting = Idea.StartDraft(Guid.NewGuid(), author.Id, start);
            waiting.Edit(author.Id, SubmissionBuilder.ValidIdea with { Title = "Ждёт модератора" }, start);
            waiting.Submit(author.Id, start);
            db.Ideas.AddRange(draft, waiting);
            (Draft, Waiting) = (draft.Id, waiting.Id);

            var now = DateTimeOffset.UtcNow;
            var tenInAlmaty = new DateTimeOffset(now.Year + 1, 3, 15, 10, 0, 0, TimeSpan.FromHours(5));
            var upcoming = CityEvent.StartDraft(Guid.NewGuid(), author.Id, now);
            upcoming.Edit(author.Id, SubmissionBuilder.ValidEvent with { Title = "Будущий митап", StartsAt = tenInAlmaty, EndsAt = tenInAlmaty.AddHours(2) }, now);
            upcoming.Submit(author.Id, now);
            upcoming.Approve("moderator", now);
            var past = CityEvent.StartDraft(Guid.NewGuid(), author.Id, now.AddYears(-1));
            past.Edit(author.Id, SubmissionBuilder.ValidEvent with { Title = "Прошлый хакатон", StartsAt = now.AddDays(-30), EndsAt = now.AddDays(-29) }, now.AddYears(-1));
            past.Submit(author.Id, now.AddDays(-40));
            past.Approve("moderator", now.AddDays(-39));
            db.Events.AddRange(upcoming, past);
            TenOClockEvent = upcoming.Id;
            await db.SaveChangesAsync();
        }

        Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
    }

    private async Task<List<Guid>> WalkAsync(string firstUrl)
    {
        using var client = fixture.CreatePortalClient();
        var seen = new List<Guid>();
        var url = firstUrl;
        for (var pages = 0; url is not null && pages < 20; pages++)
        {
            var page = await HtmlPage.GetAsync(client, url);
            Assert.Equal(HttpStatusCode.OK, page.Status);
            seen.AddRange(page.Document.QuerySelectorAll(".item-card h2 a").Select(a => Guid.Parse(a.GetAttribute("href")!.Split('/')[1])));
            url = page.Document.QuerySelector("a[rel=next]")?.GetAttribute("href") is { } next ? "/" + next : null;
        }

        return seen;
    }

    [Theory]
    [InlineData("/ideas")]
    [InlineData("/ideas?sort=title")]
    public async Task Paging_ShowsEveryPublishedIdeaExactlyOnce_AndNothingElse(string firstUrl)
    {
        var seen = await WalkAsync(firstUrl);

        Assert.Equal(Fixture.PublishedIdeas, seen.Count);
        Assert.Equal(fixture.Published.Order(), seen.Order());
        Assert.DoesNotContain(fixture.Draft, seen);
        Assert.DoesNotContain(fixture.Waiting, seen);
    }

    [Fact]
    public async Task CategoryFilter_ShowsOnlyThatCategory()
    {
        var seen = await WalkAsync("/ideas?category=ecology");
        Assert.Equal(Enumerable.Range(0, Fixture.PublishedIdeas).Count(i => i % 3 == 0), seen.Count);
    }

    [Theory]
    [InlineData("/ideas?after=%27%3B--")]
    [InlineData("/ideas?after=MTIzfGFiYw&sort=title")]
    [InlineData("/ideas?category=%3Cscript%3E")]
    [InlineData("/events?after=bm90LWEtbnVtYmVyfDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAw")]
    public async Task HostileQueries_NeverBreakThePage(string url)
    {
        using var client = fixture.CreatePortalClient();
        var page = await HtmlPage.GetAsync(client, url);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.DoesNotContain("<script>", page.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Events_UpcomingAndPast_AreSeparate()
    {
        using var client = fixture.CreatePortalClient();
        var upcoming = await HtmlPage.GetAsync(client, "/events");
        var past = await HtmlPage.GetAsync(client, "/events?when=past");

        Assert.Contains("Будущий митап", upcoming.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Прошлый хакатон", upcoming.Text, StringComparison.Ordinal);
        Assert.Contains("Прошлый хакатон", past.Text, StringComparison.Ordinal);
        Assert.Contains("10:00", upcoming.Document.QuerySelector(".event-card__date")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IdeasFeed_IsValidAtom_WithLinksBackToThePortal()
    {
        using var client = fixture.CreatePortalClient();
        var response = await client.GetAsync("/feeds/ideas.atom");
        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType!.MediaType);

        using var reader = XmlReader.Create(await response.Content.ReadAsStreamAsync());
        var feed = SyndicationFeed.Load(reader);
        Assert.Equal(Fixture.PublishedIdeas, feed.Items.Count());
        Assert.All(feed.Items, item => Assert.StartsWith("http://localhost/ideas/", item.Links.Single().Uri.ToString(), StringComparison.Ordinal));
        Assert.DoesNotContain(feed.Items, item => item.Title.Text == "Ждёт модератора");
    }

    [Fact]
    public async Task EventCalendar_ParsesBack_WithAlmatyTimes()
    {
        using var client = fixture.CreatePortalClient();
        var response = await client.GetAsync($"/events/{fixture.TenOClockEvent}.ics");
        Assert.Equal("text/calendar", response.Content.Headers.ContentType!.MediaType);

        var calendar = Calendar.Load(await response.Content.ReadAsStringAsync())!;
        var single = Assert.Single(calendar.Events);
        Assert.Equal("Будущий митап", single.Summary);
        Assert.Equal("Asia/Almaty", single.Start!.TzId);
        Assert.Equal(10, single.Start.Hour);
        Assert.Equal(new DateTime(DateTime.UtcNow.Year + 1, 3, 15, 5, 0, 0, DateTimeKind.Utc), single.Start.AsUtc);
        Assert.Contains($"/events/{fixture.TenOClockEvent}", single.Url!.ToString(), StringComparison.Ordinal);
        Assert.Single(calendar.TimeZones);
    }

    [Fact]
    public async Task SubscribableCalendar_HasOnlyUpcomingPublishedEvents()
    {
        using var client = fixture.CreatePortalClient();
        var calendar = Calendar.Load(await client.GetStringAsync("/events/calendar.ics"))!;
        Assert.Equal(["Будущий митап"], calendar.Events.Select(e => e.Summary));
    }

    [Fact]
    public async Task UnpublishedEvent_HasNoCalendarFile()
    {
        using var client = fixture.CreatePortalClient();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/events/{Guid.NewGuid()}.ics")).StatusCode);
    }

    [Fact]
    public async Task Sitemap_ListsPublishedItemsOnly_AndRobotsPointsToIt()
    {
        using var client = fixture.CreatePortalClient();
        var sitemap = System.Xml.Linq.XDocument.Parse(await client.GetStringAsync("/sitemap.xml"));
        var locations = sitemap.Descendants().Where(e => e.Name.LocalName == "loc").Select(e => e.Value).ToList();

        Assert.Contains($"http://localhost/ideas/{fixture.Published[0]}", locations);
        Assert.Contains($"http://localhost/events/{fixture.TenOClockEvent}", locations);
        Assert.DoesNotContain(locations, l => l.Contains(fixture.Waiting.ToString(), StringComparison.Ordinal));
        Assert.DoesNotContain(locations, l => l.Contains(fixture.Draft.ToString(), StringComparison.Ordinal));

        var robots = await client.GetStringAsync("/robots.txt");
        Assert.Contains("Sitemap: http://localhost/sitemap.xml", robots, StringComparison.Ordinal);
        Assert.Contains("Disallow: /Identity/", robots, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PublishedIdeaPage_HasCanonicalUrl_OpenGraph_AndACitation()
    {
        using var client = fixture.CreatePortalClient();
        var id = fixture.Published[0];
        var page = await HtmlPage.GetAsync(client, $"/ideas/{id}");

        Assert.Equal($"http://localhost/ideas/{id}", page.Document.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        Assert.Equal($"http://localhost/ideas/{id}", page.Document.QuerySelector("meta[property='og:url']")!.GetAttribute("content"));
        Assert.Equal(SubmissionBuilder.ValidIdea.Summary, page.Document.QuerySelector("meta[property='og:description']")!.GetAttribute("content"));
        var citation = page.Document.QuerySelector("#cite-text")!.TextContent;
        Assert.Contains("Цифровой Алматы", citation, StringComparison.Ordinal);
        Assert.EndsWith($"http://localhost/ideas/{id}", citation, StringComparison.Ordinal);
        Assert.Null(page.Document.QuerySelector("meta[name=robots]"));
    }
}
