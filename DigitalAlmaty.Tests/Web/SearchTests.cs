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

/// <summary>
/// /search (clause 2.1.2) on each provider: published ideas and events only, in Russian, Kazakh and
/// English, highlighted snippets with user HTML kept as text, and hostile queries answered calmly.
/// </summary>
public abstract class SearchTests(SearchTests.Fixture fixture)
{
    public abstract class Fixture(IDictionary<string, string?>? settings = null) : PortalFactory(settings), IAsyncLifetime
    {
        public Guid Russian { get; private set; }

        public Guid Kazakh { get; private set; }

        public Guid English { get; private set; }

        public Guid Event { get; private set; }

        public Guid ToBeHidden { get; private set; }

        public string AuthorId { get; private set; } = string.Empty;

        /// <summary>Runs before the portal starts (and migrates its database).</summary>
        protected virtual Task BeforeStartAsync() => Task.CompletedTask;

        public async Task InitializeAsync()
        {
            await BeforeStartAsync();
            var author = await CreateUserAsync($"search-{Guid.NewGuid():N}@example.kz", "Search-Pass-2026", "Поиск Автор");
            AuthorId = author.Id;
            var start = DateTimeOffset.UtcNow.AddDays(-1);
            await using var db = await Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();

            Idea Published(IdeaContent content)
            {
                var idea = Idea.StartDraft(Guid.NewGuid(), author.Id, start);
                idea.Edit(author.Id, content, start);
                idea.Submit(author.Id, start);
                idea.Approve("moderator", start.AddMinutes(1));
                db.Ideas.Add(idea);
                return idea;
            }

            Russian = Published(SubmissionBuilder.ValidIdea with
            {
                Title = "Умные остановки общественного транспорта",
                Summary = "Табло с точным временем прибытия автобусов на каждой остановке.",
                Goal = "Показать горожанам <script>alert(1)</script> время прибытия.",
            }).Id;
            Kazakh = Published(SubmissionBuilder.ValidIdea with
            {
                Title = "Әуежайға дейінгі көңілді жол",
                Summary = "Өңірлік автобустардың бүгінгі кестесі бір жерде.",
                Goal = "Жолаушылардың уақытын үнемдеу.",
                Tasks = "Кестені ашық деректер ретінде жариялау.",
                CityBenefit = "Қала тұрғындары үшін ыңғайлы.",
            }).Id;
            English = Published(SubmissionBuilder.ValidIdea with
            {
                Title = "Open bicycle sharing data",
                Summary = "Publish the docking stations and their availability as open data.",
                Goal = "Help cyclists plan their trips across Almaty.",
            }).Id;
            ToBeHidden = Published(SubmissionBuilder.ValidIdea with { Title = "Поющие фонтаны на Арбате" }).Id;

            var cityEvent = CityEvent.StartDraft(Guid.NewGuid(), author.Id, start);
            cityEvent.Edit(author.Id, SubmissionBuilder.ValidEvent with
            {
                Title = "Городской митап",
                Organiser = "Клуб робототехники Жетісу",
                StartsAt = DateTimeOffset.UtcNow.AddDays(10),
                EndsAt = DateTimeOffset.UtcNow.AddDays(10).AddHours(2),
            }, start);
            cityEvent.Submit(author.Id, start);
            cityEvent.Approve("moderator", start.AddMinutes(1));
            db.Events.Add(cityEvent);
            Event = cityEvent.Id;

            var draft = Idea.StartDraft(Guid.NewGuid(), author.Id, start);
            draft.Edit(author.Id, SubmissionBuilder.ValidIdea with { Title = "Черновик про квазары" }, start);
            var waiting = Idea.StartDraft(Guid.NewGuid(), author.Id, start);
            waiting.Edit(author.Id, SubmissionBuilder.ValidIdea with { Title = "Отправленная идея про пульсары" }, start);
            waiting.Submit(author.Id, start);
            var hidden = Idea.StartDraft(Guid.NewGuid(), author.Id, start);
            hidden.Edit(author.Id, SubmissionBuilder.ValidIdea with { Title = "Скрытая идея про метеориты" }, start);
            hidden.Submit(author.Id, start);
            hidden.Approve("moderator", start.AddMinutes(1));
            hidden.Hide("moderator", start.AddMinutes(2), [ModerationClauses.Misleading], null);
            db.Ideas.AddRange(draft, waiting, hidden);
            await db.SaveChangesAsync();
        }

        Task IAsyncLifetime.DisposeAsync() => OnDisposeAsync();

        /// <summary>The portal itself is disposed by xunit (it is IAsyncDisposable).</summary>
        protected virtual Task OnDisposeAsync() => Task.CompletedTask;
    }

    private async Task<HtmlPage> SearchPageAsync(string query)
    {
        using var client = fixture.CreatePortalClient();
        var page = await HtmlPage.GetAsync(client, "/search?q=" + Uri.EscapeDataString(query));
        Assert.Equal(HttpStatusCode.OK, page.Status);
        return page;
    }

    private static List<Guid> ResultIds(HtmlPage page) =>
        page.Document.QuerySelectorAll(".search-result h2 a")
            .Select(a => Guid.Parse(a.GetAttribute("href")!.Split('/')[1]))
            .ToList();

    private async Task<List<Guid>> SearchAsync(string query)
    {
        using var scope = fixture.Services.CreateScope();
        var results = await scope.ServiceProvider.GetRequiredService<PortalSearch>().SearchAsync(query);
        return results.Hits.Select(h => h.Id).ToList();
    }

    [Fact]
    public async Task FindsAPublishedIdea_ByARussianWord_WithKindLinkAndHighlight()
    {
        var page = await SearchPageAsync("остановки");

        Assert.Equal([fixture.Russian], ResultIds(page));
        var result = page.Document.QuerySelector(".search-result")!;
        Assert.Equal("Идея", result.QuerySelector(".search-result__kind")!.TextContent.Trim());
        Assert.Equal($"ideas/{fixture.Russian}", result.QuerySelector("h2 a")!.GetAttribute("href"));
        Assert.Contains(result.QuerySelectorAll("mark"), m => m.TextContent.Equals("остановки", StringComparison.OrdinalIgnoreCase));

        var byBody = (await SearchPageAsync("автобусов")).Document.QuerySelector(".search-result__snippet")!;
        Assert.Equal("автобусов", byBody.QuerySelector("mark")!.TextContent);
    }

    [Theory]
    [InlineData("Әуежайға")]
    [InlineData("ӘУЕЖАЙҒА")]
    [InlineData("көңілді")]
    [InlineData("өңірлік")]
    [InlineData("бүгінгі кестесі")]
    [InlineData("үнемдеу")]
    [InlineData("ыңғайлы")]
    [InlineData("әуежай")]
    public async Task FindsAPublishedIdea_ByKazakhWords(string query)
    {
        var page = await SearchPageAsync(query);
        Assert.Equal([fixture.Kazakh], ResultIds(page));
        Assert.NotEmpty(page.Document.QuerySelectorAll(".search-result mark"));
    }

    [Theory]
    [InlineData("bicycle")]
    [InlineData("Cyclists")]
    [InlineData("open data bicy")]
    public async Task FindsAPublishedIdea_ByEnglishWords(string query)
    {
        var page = await SearchPageAsync(query);
        Assert.Equal([fixture.English], ResultIds(page));
    }

    [Fact]
    public async Task FindsAnEvent_ByItsOrganiser_AndByAPrefix()
    {
        var page = await SearchPageAsync("робототехники");
        Assert.Equal([fixture.Event], ResultIds(page));
        Assert.Equal("Мероприятие", page.Document.QuerySelector(".search-result__kind")!.TextContent.Trim());
        Assert.Equal($"events/{fixture.Event}", page.Document.QuerySelector(".search-result h2 a")!.GetAttribute("href"));

        Assert.Equal([fixture.Russian], ResultIds(await SearchPageAsync("останов")));
    }

    [Theory]
    [InlineData("квазары")]
    [InlineData("пульсары")]
    [InlineData("метеориты")]
    public async Task DoesNotFind_DraftsSubmittedOrHiddenItems(string query)
    {
        var page = await SearchPageAsync(query);
        Assert.Empty(ResultIds(page));
        Assert.NotNull(page.Document.QuerySelector(".search-none"));
        Assert.Empty(await SearchAsync(query));
    }

    [Fact]
    public async Task UserHtml_IsShownAsText_NeverAsMarkup()
    {
        var page = await SearchPageAsync("alert");

        Assert.Equal([fixture.Russian], ResultIds(page));
        Assert.DoesNotContain("<script>alert", page.Html, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(page.Document.QuerySelectorAll("main script"));
        var snippet = page.Document.QuerySelector(".search-result__snippet")!;
        Assert.Contains("alert(1)", snippet.TextContent, StringComparison.Ordinal);
        Assert.Contains("<script>", snippet.TextContent, StringComparison.Ordinal);
        Assert.Equal("alert", snippet.QuerySelector("mark")!.TextContent);
    }

    [Fact]
    public async Task EmptyQuery_ShowsAHint_AndALabelledForm()
    {
        var page = await SearchPageAsync(string.Empty);

        Assert.NotNull(page.Document.QuerySelector(".search-hint"));
        Assert.Empty(ResultIds(page));
        var input = page.Document.QuerySelector("main form[method=get] input[name=q]")!;
        Assert.NotNull(page.Document.QuerySelector($"label[for={input.Id}]"));
    }

    [Fact]
    public async Task Header_HasALabelledGetSearchForm_OnOtherPages()
    {
        using var client = fixture.CreatePortalClient();
        var page = await HtmlPage.GetAsync(client, "/ideas");

        var form = page.Document.QuerySelector("header form.header-search")!;
        Assert.Equal("get", form.GetAttribute("method"));
        Assert.Equal("search", form.GetAttribute("action"));
        var input = form.QuerySelector("input[name=q]")!;
        Assert.NotNull(form.QuerySelector($"label[for={input.Id}]"));
    }

    [Theory]
    [InlineData("\"")]
    [InlineData("'")]
    [InlineData("OR")]
    [InlineData("остановки OR")]
    [InlineData("NEAR(")]
    [InlineData("NEAR(остановки автобусов, 2)")]
    [InlineData("*")]
    [InlineData("-")]
    [InlineData("-остановки")]
    [InlineData("))")]
    [InlineData("((остановки")]
    [InlineData("\"остановки")]
    [InlineData("'; DROP TABLE Submissions; --")]
    [InlineData("; DROP TABLE Submissions; --")]
    [InlineData("title:остановки")]
    [InlineData("a & b | !c <-> d:*")]
    [InlineData("\\")]
    [InlineData("[[[остановки]]]")]
    [InlineData("😀 🇰🇿 ۝ ǅ")]
    [InlineData("e\u0301")]
    [InlineData("\u0301")]
    public async Task HostileQueries_AnswerOk(string query)
    {
        var page = await SearchPageAsync(query);
        Assert.NotNull(page.Document.QuerySelector("main form input[name=q]"));
        Assert.True(await CountPublishedAsync() >= 4, "The published items are still there.");
    }

    [Fact]
    public async Task AThousandLetterQuery_AnswersOk()
    {
        var page = await SearchPageAsync(new string('а', 1000));
        Assert.NotNull(page.Document.QuerySelector(".search-none"));
        await SearchPageAsync(string.Join(' ', Enumerable.Repeat("остановки", 200)));
    }

    [Fact]
    public async Task OperatorWords_AreSearchedAsWords_NotAsSyntax()
    {
        // "остановки OR квазары" must not find the published idea through OR: all words are required.
        Assert.Empty(await SearchAsync("остановки OR квазары"));
        Assert.Equal([fixture.Russian], await SearchAsync("\"остановки\" -автобусов"));
    }

    [Fact]
    public async Task AHiddenIdea_NoLongerAppears()
    {
        Assert.Equal([fixture.ToBeHidden], await SearchAsync("фонтаны"));
        Assert.Equal([fixture.ToBeHidden], ResultIds(await SearchPageAsync("фонтаны")));

        await using (var db = await fixture.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync())
        {
            var stored = await db.Ideas.SingleAsync(i => i.Id == fixture.ToBeHidden);
            stored.Hide("moderator", DateTimeOffset.UtcNow, [ModerationClauses.Misleading], null);
            await db.SaveChangesAsync();
        }

        Assert.Empty(await SearchAsync("фонтаны"));
        // The page cache is emptied by the event a real moderation decision publishes.
        fixture.Services.GetRequiredService<PortalEventFeed>()
            .Publish(new SubmissionChanged(fixture.ToBeHidden, SubmissionKind.Idea, SubmissionStatus.Hidden, fixture.AuthorId));
        for (var i = 0; i < 50 && ResultIds(await SearchPageAsync("фонтаны")).Count > 0; i++)
        {
            await Task.Delay(100);
        }

        Assert.Empty(ResultIds(await SearchPageAsync("фонтаны")));
    }

    [Fact]
    public async Task EditingAPublishedIdea_ReindexesIt()
    {
        await using (var db = await fixture.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync())
        {
            await db.Database.ExecuteSqlAsync($"UPDATE \"Submissions\" SET \"Organiser\" = NULL, \"Tasks\" = {"Добавить велодорожки вдоль проспектов."} WHERE \"Id\" = {fixture.English}");
        }

        Assert.Equal([fixture.English], await SearchAsync("велодорожки"));
    }

    [Fact]
    public async Task ManyMatches_AreAllCounted_PagedToTheEnd_TitleMatchesFirst()
    {
        // 45 items share a word no other test uses; three carry it in the title, the rest in the goal.
        var inTitle = new List<Guid>();
        await using (var db = await fixture.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync())
        {
            var at = DateTimeOffset.UtcNow.AddDays(-2);
            for (var i = 0; i < 45; i++)
            {
                var titled = i % 15 == 7;
                var idea = Idea.StartDraft(Guid.NewGuid(), fixture.AuthorId, at);
                idea.Edit(fixture.AuthorId, SubmissionBuilder.ValidIdea with
                {
                    Title = titled ? $"Гелиостаты для школ №{i}" : $"Солнечная крыша №{i}",
                    Goal = "Поставить гелиостаты на крышах и снизить счета за свет.",
                }, at.AddMinutes(i));
                idea.Submit(fixture.AuthorId, at.AddMinutes(i));
                idea.Approve("moderator", at.AddMinutes(i + 1));
                db.Ideas.Add(idea);
                if (titled)
                {
                    inTitle.Add(idea.Id);
                }
            }

            await db.SaveChangesAsync();
        }

        using var scope = fixture.Services.CreateScope();
        var search = scope.ServiceProvider.GetRequiredService<PortalSearch>();
        var first = await search.SearchAsync("гелиостаты");
        Assert.Equal(45, first.Total);
        Assert.Equal(PortalSearch.PageSize, first.Hits.Count);
        Assert.True(first.HasNext);
        Assert.Equal(inTitle.Order(), first.Hits.Take(3).Select(h => h.Id).Order());

        var third = await search.SearchAsync("гелиостаты", page: 3);
        Assert.Equal(45, third.Total);
        Assert.Equal(5, third.Hits.Count);
        Assert.False(third.HasNext);
        var all = first.Hits.Concat((await search.SearchAsync("гелиостаты", page: 2)).Hits).Concat(third.Hits).Select(h => h.Id).ToList();
        Assert.Equal(45, all.Distinct().Count());

        // Past the last page: nothing to show, and still the count of everything found.
        var beyond = await search.SearchAsync("гелиостаты", page: 4);
        Assert.Empty(beyond.Hits);
        Assert.Equal(45, beyond.Total);
    }

    private async Task<int> CountPublishedAsync()
    {
        await using var db = await fixture.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        return await db.Submissions.CountAsync(s => s.Status == SubmissionStatus.Published);
    }
}

public sealed class SqliteSearchTests(SqliteSearchTests.SqliteFixture fixture)
    : SearchTests(fixture), IClassFixture<SqliteSearchTests.SqliteFixture>
{
    public sealed class SqliteFixture : Fixture;
}

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

public sealed class SearchQueryTests
{
    [Fact]
    public void TheLastWord_IsAPrefix_OnlyFromTwoCharacters()
    {
        Assert.Equal("\"остановки\" \"авт\"*", SearchQuery.Parse("Остановки авт").ToFts5());
        Assert.Equal("'остановки' & 'авт':*", SearchQuery.Parse("Остановки авт").ToTsQuery());
        Assert.Equal("\"остановки\" \"а\"", SearchQuery.Parse("остановки а").ToFts5());
        Assert.Equal("'остановки' & 'а'", SearchQuery.Parse("остановки а").ToTsQuery());
        Assert.Equal("\"и\"", SearchQuery.Parse("и").ToFts5());
    }
}
