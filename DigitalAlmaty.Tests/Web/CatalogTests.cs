using System.Net;
using System.ServiceModel.Syndication;
using System.Xml;
using DigitalAlmaty.Domain.Events;
using DigitalAlmaty.Domain.Ideas;
using DigitalAlmaty.Domain.Publications;
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

        public Guid PublishedNews { get; private set; }

        public Guid DraftNews { get; private set; }

        public Guid UnpublishedNews { get; private set; }

        public Guid PublishedReport { get; private set; }

        public Guid PublishedProject { get; private set; }

        public Guid ScheduledProject { get; private set; }

        /// <summary>Ideas 0, 5, 10… carry this tag (Cyrillic, stored escaped in JSON).</summary>
        public const string Tag = "велодорожки";

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
                var tags = i % 5 == 0 ? new[] { Tag, "100%_open" } : new[] { "parking" };
                idea.Edit(author.Id, SubmissionBuilder.ValidIdea with { Title = title, Category = i % 3 == 0 ? "ecology" : "transport", Tags = tags }, start);
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

            Publication Staff(PublicationKind kind, string title, Action<Publication>? then = null)
            {
                var item = new Publication(Guid.NewGuid(), kind, "editor", now.AddDays(-1),
                    [new("ru", title, "Кратко: " + title, "Текст"), new("en", title + " (en)", string.Empty, "Text")]);
                then?.Invoke(item);
                db.Publications.Add(item);
                return item;
            }

            PublishedNews = Staff(PublicationKind.News, "Новость для всех", p => p.PublishNow("editor", now.AddHours(-2))).Id;
            DraftNews = Staff(PublicationKind.News, "Черновик новости").Id;
            UnpublishedNews = Staff(PublicationKind.News, "Снятая новость", p =>
            {
                p.PublishNow("editor", now.AddHours(-3));
                p.Unpublish("editor", now.AddHours(-1));
            }).Id;
            PublishedReport = Staff(PublicationKind.Report, "Годовой отчёт", p => p.PublishNow("editor", now.AddHours(-2))).Id;
            PublishedProject = Staff(PublicationKind.Project, "Городской проект", p => p.PublishNow("editor", now.AddHours(-2))).Id;
            ScheduledProject = Staff(PublicationKind.Project, "Будущий проект", p => p.Schedule("editor", now.AddDays(30), now)).Id;
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

        Assert.Contains($"http://localhost/news/{fixture.PublishedNews}", locations);
        Assert.Contains($"http://localhost/reports/{fixture.PublishedReport}", locations);
        Assert.Contains($"http://localhost/projects/{fixture.PublishedProject}", locations);
        foreach (var hidden in new[] { fixture.DraftNews, fixture.UnpublishedNews, fixture.ScheduledProject })
        {
            Assert.DoesNotContain(locations, l => l.Contains(hidden.ToString(), StringComparison.Ordinal));
        }

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

    [Fact]
    public async Task TagFilter_ShowsOnlyIdeasWithThatTag_AndKeepsItWhilePaging()
    {
        var seen = await WalkAsync("/ideas?tag=" + Uri.EscapeDataString(Fixture.Tag));
        var expected = Enumerable.Range(0, Fixture.PublishedIdeas).Where(i => i % 5 == 0).Select(i => fixture.Published[i]);
        Assert.Equal(expected.Order(), seen.Order());

        // LIKE wildcards in a tag are taken literally: "%" alone matches nothing, "100%_open" matches exactly its ideas.
        Assert.Empty(await WalkAsync("/ideas?tag=%25"));
        Assert.Empty(await WalkAsync("/ideas?tag=_"));
        Assert.Equal(expected.Order(), (await WalkAsync("/ideas?tag=100%25_open")).Order());

        using var client = fixture.CreatePortalClient();
        var page = await HtmlPage.GetAsync(client, "/ideas?tag=" + Uri.EscapeDataString(Fixture.Tag) + "&category=ecology");
        Assert.Contains(Fixture.Tag, page.Document.QuerySelector("[data-testid=tag-filter]")!.TextContent, StringComparison.Ordinal);
        var both = await WalkAsync("/ideas?tag=" + Uri.EscapeDataString(Fixture.Tag) + "&category=ecology");
        Assert.Equal(Enumerable.Range(0, Fixture.PublishedIdeas).Where(i => i % 15 == 0).Select(i => fixture.Published[i]).Order(), both.Order());
        // Every tag on a card is a link to the list filtered by it.
        var all = await HtmlPage.GetAsync(client, "/ideas");
        Assert.NotNull(all.Document.QuerySelector($".tag-list--links a[href='ideas?tag={Uri.EscapeDataString(Fixture.Tag)}']"));
    }

    [Fact]
    public async Task NewsFeed_IsValidAtom_WithEachEntryLinkingToItsPage_PublishedOnly()
    {
        using var client = fixture.CreatePortalClient();
        var response = await client.GetAsync("/feeds/news.atom");
        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType!.MediaType);

        using var reader = XmlReader.Create(await response.Content.ReadAsStreamAsync());
        var feed = SyndicationFeed.Load(reader);
        var entry = Assert.Single(feed.Items);
        Assert.Equal("Новость для всех", entry.Title.Text);
        Assert.Equal($"http://localhost/news/{fixture.PublishedNews}", entry.Links.Single().Uri.ToString());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(entry.Links.Single().Uri.AbsolutePath)).StatusCode);
        Assert.Contains(feed.Links, l => l.RelationshipType == "self" && l.Uri.ToString() == "http://localhost/feeds/news.atom");

        var english = SyndicationFeed.Load(XmlReader.Create(await client.GetStreamAsync("/feeds/news.atom?culture=en-US")));
        Assert.Equal("Новость для всех (en)", Assert.Single(english.Items).Title.Text);
    }

    [Fact]
    public async Task HomePage_ShowsNews_UpcomingEvents_NewestIdeas_ReportsAndProjects()
    {
        using var client = fixture.CreatePortalClient();
        var home = await HtmlPage.GetAsync(client, "/?culture=ru-RU");

        static List<string?> Links(HtmlPage page, string block) =>
            page.Document.QuerySelectorAll($"[data-testid={block}] li a").Select(a => a.GetAttribute("href")).ToList();

        Assert.Equal([$"news/{fixture.PublishedNews}"], Links(home, "home-news"));
        Assert.Equal([$"events/{fixture.TenOClockEvent}"], Links(home, "home-events"));
        var newest = (await HtmlPage.GetAsync(client, "/ideas")).Document.QuerySelectorAll(".item-card h2 a").Take(3).Select(a => a.GetAttribute("href"));
        Assert.Equal(newest, Links(home, "home-ideas"));
        Assert.Equal([$"reports/{fixture.PublishedReport}", $"projects/{fixture.PublishedProject}"], Links(home, "home-documents"));
        Assert.NotNull(home.Document.QuerySelector("[data-testid=home-documents] a[href='reports']"));
        Assert.NotNull(home.Document.QuerySelector("[data-testid=home-documents] a[href='projects']"));
        Assert.DoesNotContain("<!--Blazor:{", home.Html, StringComparison.Ordinal);
    }

    /// <summary>Drafts, items waiting for a moderator, unpublished and future publications appear on no public surface.</summary>
    [Fact]
    public async Task OnlyPublished_AppearsAnywherePublic()
    {
        using var client = fixture.CreatePortalClient();
        var hiddenTitles = new[] { "Черновик не для всех", "Ждёт модератора", "Черновик новости", "Снятая новость", "Будущий проект" };
        var hiddenIds = new[] { fixture.Draft, fixture.Waiting, fixture.DraftNews, fixture.UnpublishedNews, fixture.ScheduledProject };
        var surfaces = new[]
        {
            "/", "/?culture=en-US", "/ideas", "/ideas?sort=title", "/events", "/news", "/reports", "/projects",
            "/feeds/ideas.atom", "/feeds/events.atom", "/feeds/news.atom", "/events/calendar.ics", "/sitemap.xml",
            "/search?q=" + Uri.EscapeDataString("Черновик"), "/search?q=" + Uri.EscapeDataString("Ждёт"),
        };
        foreach (var url in surfaces)
        {
            var body = await client.GetStringAsync(url);
            foreach (var title in hiddenTitles)
            {
                Assert.False(body.Contains(title, StringComparison.Ordinal), $"{url} shows \"{title}\"");
            }

            foreach (var id in hiddenIds)
            {
                Assert.False(body.Contains(id.ToString(), StringComparison.OrdinalIgnoreCase), $"{url} links to hidden {id}");
            }
        }

        foreach (var url in new[] { $"/ideas/{fixture.Draft}", $"/ideas/{fixture.Waiting}", $"/news/{fixture.DraftNews}", $"/news/{fixture.UnpublishedNews}", $"/projects/{fixture.ScheduledProject}" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(url)).StatusCode);
        }
    }
}
