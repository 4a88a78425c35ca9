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
public abstract partial class SearchTests(SearchTests.Fixture fixture)
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
}
