using System.Net;
using DigitalAlmaty.Domain.Events;
using DigitalAlmaty.Domain.Ideas;
using DigitalAlmaty.Domain.Submissions;
using DigitalAlmaty.Tests.Domain;
using DigitalAlmaty.Tests.Support;
using DigitalAlmaty.Web.Data;
using DigitalAlmaty.Web.Features.Catalog;
using DigitalAlmaty.Web.Realtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DigitalAlmaty.Tests.Web;

public sealed class PostgresSearchTests(PostgresSearchTests.PostgresFixture fixture)
    : SearchTests(fixture), IClassFixture<PostgresSearchTests.PostgresFixture>
{
    public sealed class PostgresFixture : Fixture
    {
        private readonly PostgresDatabase _database;

        public PostgresFixture()
            : this(new PostgresDatabase())
        {
        }

        private PostgresFixture(PostgresDatabase database)
            : base(new Dictionary<string, string?>
            {
                ["Database:Provider"] = "Postgres",
                ["ConnectionStrings:Portal"] = database.ConnectionString,
            }) => _database = database;

        protected override Task BeforeStartAsync() => _database.InitializeAsync();

        protected override async Task OnDisposeAsync()
        {
            // Stop the portal (and its connections) before the database is dropped.
            await DisposeAsync();
            await _database.DisposeAsync();
        }
    }

    [Fact]
    public async Task AVeryCommonWord_RanksTheNewestMatches_AndSaysMoreThan()
    {
        // 30 more matches than PostgreSQL ranks: ideas and 3 events, the events the newest.
        const string word = "ветрогенераторы";
        var ideas = PortalSearch.PostgresRankedMatches + 27;
        var oldest = new List<Guid>();
        var events = new List<Guid>();
        await using (var db = await fixture.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync())
        {
            var at = DateTimeOffset.UtcNow.AddDays(-20);
            for (var i = 0; i < ideas; i++)
            {
                var when = at.AddMinutes(i);
                var idea = Idea.StartDraft(Guid.NewGuid(), fixture.AuthorId, when);
                // The newest match past the bound would rank first if it were ranked: it must not show.
                var title = i == 29 ? "Ветрогенераторы, ветрогенераторы и ещё раз ветрогенераторы" : $"Ветрогенераторы на крышах №{i}";
                idea.Edit(fixture.AuthorId, SubmissionBuilder.ValidIdea with { Title = title }, when);
                idea.Submit(fixture.AuthorId, when);
                idea.Approve("moderator", when);
                db.Ideas.Add(idea);
                if (i < 30)
                {
                    oldest.Add(idea.Id);
                }
            }

            for (var i = 0; i < 3; i++)
            {
                var when = DateTimeOffset.UtcNow.AddDays(-1).AddMinutes(i);
                var cityEvent = CityEvent.StartDraft(Guid.NewGuid(), fixture.AuthorId, when);
                cityEvent.Edit(fixture.AuthorId, SubmissionBuilder.ValidEvent with
                {
                    Title = $"Встреча: ветрогенераторы в городе №{i}",
                    StartsAt = DateTimeOffset.UtcNow.AddDays(5),
                    EndsAt = DateTimeOffset.UtcNow.AddDays(5).AddHours(2),
                }, when);
                cityEvent.Submit(fixture.AuthorId, when);
                cityEvent.Approve("moderator", when);
                db.Events.Add(cityEvent);
                events.Add(cityEvent.Id);
            }

            await db.SaveChangesAsync();
        }

        using var scope = fixture.Services.CreateScope();
        var search = scope.ServiceProvider.GetRequiredService<PortalSearch>();
        var seen = new List<Guid>();
        var pages = PortalSearch.PostgresRankedMatches / PortalSearch.PageSize;
        for (var page = 1; page <= pages; page++)
        {
            var results = await search.SearchAsync(word, page);
            Assert.True(results.TotalIsAtLeast);
            Assert.Equal(PortalSearch.PostgresRankedMatches, results.Total);
            Assert.Equal(page < pages, results.HasNext);
            seen.AddRange(results.Hits.Select(h => h.Id));
        }

        // The newest matches of both kinds are ranked; the oldest 30 ideas are past the bound.
        Assert.Equal(PortalSearch.PostgresRankedMatches, seen.Distinct().Count());
        Assert.Superset(events.ToHashSet(), seen.ToHashSet());
        Assert.Empty(seen.Intersect(oldest));

        var beyond = await search.SearchAsync(word, pages + 1);
        Assert.Empty(beyond.Hits);
        Assert.True(beyond.TotalIsAtLeast);

        using var client = fixture.CreatePortalClient();
        var html = await HtmlPage.GetAsync(client, "/search?q=" + Uri.EscapeDataString(word));
        Assert.Equal($"Найдено: более {PortalSearch.PostgresRankedMatches}", html.Document.QuerySelector(".search-count")!.TextContent.Trim());
        Assert.NotNull(html.Document.QuerySelector("[data-testid=search-refine]"));
    }
}
