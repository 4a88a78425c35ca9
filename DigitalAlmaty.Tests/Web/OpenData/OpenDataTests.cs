using System.Net;
using System.Text.Json;
using DigitalAlmaty.Domain.Submissions;
using DigitalAlmaty.Tests.Support;
using DigitalAlmaty.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static DigitalAlmaty.Tests.Support.SubmissionSeed;

namespace DigitalAlmaty.Tests.Web.OpenData;

/// <summary>
/// The public read API as a program uses it: a cursor walk in Kazakh, the language rules, ETag and
/// 304, CORS, problem details for every error, and nothing unpublished.
/// </summary>
public sealed class OpenDataTests(OpenDataTests.Fixture fixture) : IClassFixture<OpenDataTests.Fixture>
{
    public sealed class Fixture : PortalFactory
    {
        public SubmissionSeed Seed => new(this);
    }

    [Fact]
    public async Task IdeasInKazakh_TheNextCursor_WalksEveryPublishedIdeaExactlyOnce()
    {
        var (author, _) = await fixture.NewUserAsync("Әлия Жолдасова");
        for (var i = 0; i < 7; i++)
        {
            await fixture.Seed.IdeaAsync(author, $"Ашық идея {i}", Submit(author), Approve());
        }

        var waiting = await fixture.Seed.IdeaAsync(author, "Модерацияда тұрған идея", Submit(author));
        var draft = await fixture.Seed.IdeaAsync(author, "Жоба идеясы");
        var published = await PublishedIdsAsync();
        using var client = fixture.CreatePortalClient();

        var seen = new List<Guid>();
        var next = "/api/v1/ideas?culture=kk-KZ&limit=3";
        var pages = 0;
        while (next is not null)
        {
            using var response = await client.GetAsync(next);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("kk-KZ", response.Content.Headers.ContentLanguage.Single());
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            var root = body.RootElement;
            Assert.Equal("Портал материалдарын порталдағы бастапқы бетке сілтеме берген жағдайда қайта пайдалануға болады (пайдаланушы келісімінің 3.5-тармағы).", root.GetProperty("license").GetString());
            foreach (var item in root.GetProperty("items").EnumerateArray())
            {
                seen.Add(item.GetProperty("id").GetGuid());
                Assert.Equal("Көлік", item.GetProperty("category").GetProperty("name").GetString());
                Assert.Equal("transport", item.GetProperty("category").GetProperty("code").GetString());
                Assert.Contains("Пайдаланған кезде дереккөзге сілтеме беріңіз", item.GetProperty("attribution").GetString(), StringComparison.Ordinal);
                Assert.Equal($"http://localhost:5080/ideas/{item.GetProperty("id").GetGuid()}", item.GetProperty("url").GetString());
                Assert.EndsWith("+05:00", item.GetProperty("publishedAtAlmaty").GetString(), StringComparison.Ordinal);
                Assert.EndsWith("+00:00", item.GetProperty("publishedAt").GetString(), StringComparison.Ordinal);
            }

            var link = root.GetProperty("next").GetString();
            if (link is not null)
            {
                // The canonical public address (Portal:PublicBaseUrl), never the request's Host; the language is kept.
                Assert.StartsWith("http://localhost:5080/api/v1/ideas?culture=kk-KZ&limit=3&cursor=", link, StringComparison.Ordinal);
            }

            next = link is null ? null : new Uri(link).PathAndQuery;
            pages++;
        }

        Assert.Equal(published.Count, seen.Count);
        Assert.Equal(published.OrderBy(id => id), seen.OrderBy(id => id));
        Assert.DoesNotContain(waiting.Id, seen);
        Assert.DoesNotContain(draft.Id, seen);
        Assert.True(pages >= 3, $"Only {pages} pages.");
    }

    [Fact]
    public async Task Language_ComesFromTheQuery_ThenAcceptLanguage_ElseRussian_AndSetsNoCookie()
    {
        using var client = fixture.CreatePortalClient();

        Assert.Equal("ru-RU", await LanguageOfAsync(client, "/api/v1/ideas", null));
        Assert.Equal("en-US", await LanguageOfAsync(client, "/api/v1/ideas", "en-GB,en;q=0.9"));
        Assert.Equal("kk-KZ", await LanguageOfAsync(client, "/api/v1/ideas", "de, kk;q=0.5"));
        Assert.Equal("kk-KZ", await LanguageOfAsync(client, "/api/v1/ideas?culture=kk-KZ", "en"));

        // The pages' language cookie neither is set by the API nor decides its language.
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/ideas?culture=en-US");
        using var response = await client.SendAsync(request);
        Assert.False(response.Headers.Contains("Set-Cookie"));
        Assert.Contains("Accept-Language", response.Headers.Vary);
        Assert.Equal("ru-RU", await LanguageOfAsync(client, "/api/v1/ideas", null));
    }

    [Fact]
    public async Task AnAnswer_CarriesAnETag_AndIfNoneMatch_Gets304()
    {
        var (author, _) = await fixture.NewUserAsync("Ерлан Кэшев");
        var idea = await fixture.Seed.IdeaAsync(author, "Идея с тегом сущности", Submit(author), Approve());
        using var client = fixture.CreatePortalClient();

        using var first = await client.GetAsync($"/api/v1/ideas/{idea.Id}");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);
        Assert.False(etag.IsWeak);
        Assert.Equal("public, max-age=60", first.Headers.CacheControl?.ToString());

        using var again = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/ideas/{idea.Id}");
        again.Headers.IfNoneMatch.Add(etag);
        using var notModified = await client.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());
        Assert.Equal(etag, notModified.Headers.ETag);

        // Another language is another representation: another tag, so the old one gets the full answer.
        using var other = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/ideas/{idea.Id}?culture=en-US");
        other.Headers.IfNoneMatch.Add(etag);
        using var full = await client.SendAsync(other);
        Assert.Equal(HttpStatusCode.OK, full.StatusCode);
        Assert.NotEqual(etag, full.Headers.ETag);
    }

    [Fact]
    public async Task Cors_LetsAnyOriginRead_TheApiOnly()
    {
        using var client = fixture.CreatePortalClient();

        using var api = new HttpRequestMessage(HttpMethod.Get, "/api/v1/events");
        api.Headers.Add("Origin", "https://journalist.example.org");
        using var answer = await client.SendAsync(api);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal("*", answer.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Contains("ETag", answer.Headers.GetValues("Access-Control-Expose-Headers").Single(), StringComparison.Ordinal);

        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/api/v1/events");
        preflight.Headers.Add("Origin", "https://journalist.example.org");
        preflight.Headers.Add("Access-Control-Request-Method", "GET");
        using var allowed = await client.SendAsync(preflight);
        Assert.True(allowed.IsSuccessStatusCode, allowed.StatusCode.ToString());
        Assert.Equal("*", allowed.Headers.GetValues("Access-Control-Allow-Origin").Single());

        using var page = new HttpRequestMessage(HttpMethod.Get, "/ideas");
        page.Headers.Add("Origin", "https://journalist.example.org");
        using var html = await client.SendAsync(page);
        Assert.False(html.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Theory]
    [InlineData("/api/v1/ideas/7d1f0a52-0000-4000-8000-000000000001", 404)]
    [InlineData("/api/v1/events/7d1f0a52-0000-4000-8000-000000000001", 404)]
    [InlineData("/api/v1/publications/7d1f0a52-0000-4000-8000-000000000001", 404)]
    [InlineData("/api/v1/no-such-list", 404)]
    [InlineData("/api/v1/ideas?category=astrology", 400)]
    [InlineData("/api/v1/ideas?status=someday", 400)]
    [InlineData("/api/v1/ideas?limit=abc", 400)]
    [InlineData("/api/v1/ideas?limit=0", 400)]
    [InlineData("/api/v1/ideas?limit=101", 400)]
    [InlineData("/api/v1/ideas?cursor=not-a-cursor", 400)]
    [InlineData("/api/v1/ideas?culture=de-DE", 400)]
    [InlineData("/api/v1/events?when=tomorrow", 400)]
    [InlineData("/api/v1/publications?kind=blog", 400)]
    [InlineData("/api/v1/search", 400)]
    [InlineData("/api/v1/search?q=парк&page=51", 400)]
    public async Task Errors_AreProblemDetails_InTheRequestedLanguage(string url, int status)
    {
        using var client = fixture.CreatePortalClient();
        using var response = await client.GetAsync(url);
        using var english = await client.GetAsync(url.Contains("culture=", StringComparison.Ordinal) ? url : url + (url.Contains('?') ? '&' : '?') + "culture=en-US");

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(status, body.RootElement.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(body.RootElement.GetProperty("title").GetString()));
        Assert.True(body.RootElement.TryGetProperty("type", out _));
        Assert.Equal(status, (int)english.StatusCode);
        if (!url.Contains("culture=", StringComparison.Ordinal))
        {
            using var translated = JsonDocument.Parse(await english.Content.ReadAsStringAsync());
            Assert.NotEqual(body.RootElement.GetProperty("title").GetString(), translated.RootElement.GetProperty("title").GetString());
        }
    }

    [Fact]
    public async Task AWrite_IsRefused_WithProblemDetails()
    {
        using var client = fixture.CreatePortalClient();
        using var response = await client.PostAsync("/api/v1/ideas", new StringContent("{}"));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task NothingUnpublished_IsServed_ByIdListOrSearch()
    {
        var (author, _) = await fixture.NewUserAsync("Дана Черновикова");
        var waiting = await fixture.Seed.IdeaAsync(author, "Неопубликованная зебра-идея", Submit(author));
        var draft = await fixture.Seed.EventAsync(author, "Неопубликованная зебра-встреча");
        var pendingEvent = await fixture.Seed.EventAsync(author, "Ожидающая зебра-встреча", Submit(author));
        using var client = fixture.CreatePortalClient();

        foreach (var url in new[] { $"/api/v1/ideas/{waiting.Id}", $"/api/v1/events/{draft.Id}", $"/api/v1/events/{pendingEvent.Id}" })
        {
            using var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }

        foreach (var url in new[] { "/api/v1/ideas?limit=100", "/api/v1/events?limit=100", "/api/v1/events?when=past&limit=100", "/api/v1/search?q=зебра" })
        {
            var text = await client.GetStringAsync(url);
            Assert.DoesNotContain("зебра", text, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task TheFooter_LinksToTheReference()
    {
        using var client = fixture.CreatePortalClient();
        var home = await client.GetStringAsync("/?culture=en-US");

        Assert.Contains("<a href=\"api\">Open data (API)</a>", home, StringComparison.Ordinal);
    }

    private static async Task<string> LanguageOfAsync(HttpClient client, string url, string? acceptLanguage)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (acceptLanguage is not null)
        {
            request.Headers.AcceptLanguage.ParseAdd(acceptLanguage);
        }

        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return response.Content.Headers.ContentLanguage.Single();
    }

    private async Task<List<Guid>> PublishedIdsAsync()
    {
        var databases = fixture.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        await using var db = await databases.CreateDbContextAsync();
        return await db.Ideas.Where(i => i.Status == SubmissionStatus.Published).Select(i => i.Id).ToListAsync();
    }
}
