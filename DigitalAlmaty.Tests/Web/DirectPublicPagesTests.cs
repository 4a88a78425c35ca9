using System.Net;
using DigitalAlmaty.Domain.Ideas;
using DigitalAlmaty.Tests.Domain;
using DigitalAlmaty.Tests.Support;
using DigitalAlmaty.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DigitalAlmaty.Tests.Web;

/// <summary>
/// Anonymous readers' /ideas is written without the component renderer (DirectPublicPages). The
/// same database served by a portal with that switched off (the Blazor page and layout) must give
/// the same bytes, for every filter, sort, page and language.
/// </summary>
public sealed class DirectPublicPagesTests(DirectPublicPagesTests.Fixture fixture) : IClassFixture<DirectPublicPagesTests.Fixture>
{
    /// <summary>The portal that writes the page directly, seeded; and a second one on its database with that switched off.</summary>
    public sealed class Fixture : PortalFactory
    {
        private readonly Lazy<Task<PortalFactory>> _blazor;

        public Fixture()
        {
            _blazor = new Lazy<Task<PortalFactory>>(async () =>
            {
                await SeedAsync(this);
                return new PortalFactory(new Dictionary<string, string?> { ["PublicPages:WriteDirectly"] = "false" }, Root);
            });
        }

        public Task<PortalFactory> BlazorAsync() => _blazor.Value;

        public override async ValueTask DisposeAsync()
        {
            if (_blazor.IsValueCreated)
            {
                await (await _blazor.Value).DisposeAsync();
            }

            await base.DisposeAsync();
        }
    }

    [Theory]
    [InlineData("/ideas")]
    [InlineData("/ideas?culture=kk-KZ")]
    [InlineData("/ideas?culture=en-US")]
    [InlineData("/ideas?sort=title")]
    [InlineData("/ideas?category=transport")]
    [InlineData("/ideas?category=transport&sort=title&tag=metro")]
    [InlineData("/ideas?tag=%23%D0%BA%D0%B0%D1%80%D1%82%D1%8B")]
    [InlineData("/ideas?category=unknown&tag=%22%3E%3Cscript%3E")]
    [InlineData("/ideas?category=health")]
    [InlineData("/Ideas?culture=en-US&x=%3Ca%26b%3E")]
    public async Task DirectlyWrittenList_IsByteForByteTheBlazorPage(string url)
    {
        var blazorPortal = await fixture.BlazorAsync();
        var (directResponse, direct) = await GetAsync(fixture, url);
        var (blazorResponse, blazor) = await GetAsync(blazorPortal, url);

        Assert.Equal(HttpStatusCode.OK, directResponse.StatusCode);
        Assert.Equal(HttpStatusCode.OK, blazorResponse.StatusCode);
        // Only the Blazor endpoint sends its enhanced-navigation header: each portal took its own path.
        Assert.False(directResponse.Headers.Contains("blazor-enhanced-nav"));
        Assert.True(blazorResponse.Headers.Contains("blazor-enhanced-nav"));
        Assert.Equal("text/html; charset=utf-8", directResponse.Content.Headers.ContentType?.ToString());
        Assert.Equal(WithoutInitializers(blazor), direct);
    }

    [Fact]
    public async Task SecondPage_ByItsCursor_IsTheSameOnBothPaths_AndEndsTheList()
    {
        var blazorPortal = await fixture.BlazorAsync();
        var first = Parse((await GetAsync(fixture, "/ideas")).Html);
        var next = first.QuerySelector("a[rel='next']")?.GetAttribute("href");
        Assert.NotNull(next);

        var (_, direct) = await GetAsync(fixture, "/" + next);
        var (_, blazor) = await GetAsync(blazorPortal, "/" + next);

        Assert.Equal(WithoutInitializers(blazor), direct);
        var second = Parse(direct);
        Assert.Null(second.QuerySelector("a[rel='next']"));
        Assert.Equal(5, second.QuerySelectorAll(".card-list > li").Length);
    }

    [Fact]
    public async Task SignedInReader_GetsTheBlazorPage_WithTheirAccountMenu()
    {
        await fixture.BlazorAsync();
        var (_, email) = await fixture.NewUserAsync("Читатель Списка");
        using var client = await fixture.SignedInClientAsync(email);

        using var response = await client.GetAsync("/ideas");
        var page = Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Читатель Списка", page.QuerySelector("[data-testid='display-name']")?.TextContent);
        Assert.Null(page.QuerySelector("a[href^='Identity/Account/Login']"));
        Assert.Equal(20, page.QuerySelectorAll(".card-list > li").Length);
    }

    [Fact]
    public async Task HeadRequest_AnswersLikeGet_WithoutABody()
    {
        await fixture.BlazorAsync();
        using var client = fixture.CreatePortalClient();
        using var request = new HttpRequestMessage(HttpMethod.Head, "/ideas?sort=title");
        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    /// <summary>
    /// Blazor appends the list of JavaScript initializers for blazor.web.js after the document when
    /// the app has any (here, under the test host's static web assets); a static page loads no
    /// blazor.web.js, so the direct page leaves it out.
    /// </summary>
    private static string WithoutInitializers(string html) =>
        System.Text.RegularExpressions.Regex.Replace(html, "<!--Blazor-Web-Initializers:[^>]*-->$", string.Empty);

    private static AngleSharp.Html.Dom.IHtmlDocument Parse(string html) => new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);

    private static async Task<(HttpResponseMessage Response, string Html)> GetAsync(PortalFactory portal, string url)
    {
        using var client = portal.CreatePortalClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        // Past the output cache: each request renders.
        request.Headers.Add("Authorization", "none");
        var response = await client.SendAsync(request);
        return (response, await response.Content.ReadAsStringAsync());
    }

    /// <summary>25 published ideas (a second page of five), in two categories, some tagged.</summary>
    private static async Task SeedAsync(PortalFactory portal)
    {
        var author = await portal.CreateUserAsync("direct-pages@example.kz", "Direct-Pages-2026", "Автор «Прямых» страниц <&>");
        await using var db = await portal.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var start = DateTimeOffset.UtcNow.AddDays(-30);
        for (var i = 0; i < 25; i++)
        {
            var at = start.AddHours(i * 7);
            var idea = Idea.StartDraft(Guid.NewGuid(), author.Id, at);
            idea.Edit(author.Id, SubmissionBuilder.ValidIdea with
            {
                Title = $"Идея № {i:00} — \"кавычки\" & <теги>",
                Summary = $"Кратко о {i}: Almaty 'smart' city",
                Category = i % 3 == 0 ? "transport" : "open-data",
                Tags = i % 2 == 0 ? ["metro", "карты"] : [],
            }, at);
            idea.Submit(author.Id, at);
            idea.Approve("moderator", at.AddMinutes(1));
            db.Ideas.Add(idea);
        }

        await db.SaveChangesAsync();
    }
}
