using System.Net;
using DigitalAlmaty.Tests.Support;

namespace DigitalAlmaty.Tests.Web;

public sealed class ShellTests(ShellTests.Fixture fixture) : IClassFixture<ShellTests.Fixture>
{
    public sealed class Fixture : PortalFactory;

    [Theory]
    [InlineData("/", "ru", "Новости", "Управление цифровизации города Алматы")]
    [InlineData("/?culture=ru-RU", "ru", "Идеи", "Пользовательское соглашение")]
    [InlineData("/?culture=kk-KZ", "kk", "Жаңалықтар", "Алматы қаласының Цифрландыру басқармасы")]
    [InlineData("/?culture=en-US", "en", "News", "Digitalization Department of Almaty")]
    public async Task Home_SpeaksTheRequestedLanguage_RussianByDefault(string url, string lang, string navText, string owner)
    {
        using var client = fixture.CreatePortalClient();
        var page = await HtmlPage.GetAsync(client, url);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(lang, page.Document.DocumentElement.GetAttribute("lang"));
        Assert.Contains(navText, page.Document.QuerySelector("nav.main-nav")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(owner, page.Document.QuerySelector("footer")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.Document.QuerySelector("footer a[href='agreement']"));
    }

    [Fact]
    public async Task ChosenLanguage_IsRememberedInACookie()
    {
        using var client = fixture.CreatePortalClient();
        await client.GetAsync("/?culture=kk-KZ");

        var later = await HtmlPage.GetAsync(client, "/ideas");

        Assert.Equal("kk", later.Document.DocumentElement.GetAttribute("lang"));
        Assert.Contains("Идеялар", later.Document.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LanguageSwitcher_KeepsThePageAndItsQuery()
    {
        using var client = fixture.CreatePortalClient();
        var page = await HtmlPage.GetAsync(client, "/events?page=2");

        var links = page.Document.QuerySelectorAll(".lang-switch a").Select(a => a.GetAttribute("href")).ToList();

        Assert.Equal(["/events?page=2&culture=ru-RU", "/events?page=2&culture=kk-KZ", "/events?page=2&culture=en-US"], links);
        Assert.Equal("true", page.Document.QuerySelector(".lang-switch a[hreflang='ru']")!.GetAttribute("aria-current"));
    }

    [Fact]
    public async Task PublicPages_RenderWithoutAnInteractiveCircuit()
    {
        using var client = fixture.CreatePortalClient();
        foreach (var url in new[] { "/", "/news", "/events", "/ideas", "/reports", "/projects", "/agreement" })
        {
            var page = await HtmlPage.GetAsync(client, url);
            Assert.Equal(HttpStatusCode.OK, page.Status);
            Assert.DoesNotContain("<!--Blazor:{", page.Html, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("ru-RU", "Пользовательское соглашение", "О чём этот документ")]
    [InlineData("kk-KZ", "Пайдаланушы келісімі", "Бұл құжат не туралы")]
    [InlineData("en-US", "User agreement", "What this document is about")]
    public async Task Agreement_ShowsTheSampleTextInEachLanguage(string culture, string title, string heading)
    {
        using var client = fixture.CreatePortalClient();
        var page = await HtmlPage.GetAsync(client, $"/agreement?culture={culture}");

        Assert.Equal(title, page.Document.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains(heading, page.Document.QuerySelector(".markdown h2")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ru-RU", "Страница не найдена")]
    [InlineData("kk-KZ", "Бет табылмады")]
    [InlineData("en-US", "Page not found")]
    public async Task UnknownPage_Answers404_InTheCurrentLanguage(string culture, string title)
    {
        using var client = fixture.CreatePortalClient();
        var page = await HtmlPage.GetAsync(client, $"/no-such-page?culture={culture}");

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.Contains(title, page.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/Identity/Account/ExternalLogin")]
    [InlineData("/Identity/Account/Manage/ExternalLogins")]
    [InlineData("/dev/mail")]
    public async Task PagesNotMeantForThisEnvironment_Answer404(string url)
    {
        using var client = fixture.CreatePortalClient();
        var response = await client.GetAsync(url);

        // Manage pages ask anonymous users to sign in first; none of them may render.
        Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Redirect, $"{url}: {response.StatusCode}");
        if (response.StatusCode == HttpStatusCode.Redirect)
        {
            Assert.StartsWith("/Identity/Account/Login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Healthz_ReportsTheDatabaseHealthy()
    {
        using var client = fixture.CreatePortalClient();
        var response = await client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task EveryLinkedStylesheet_IsServed_TheComponentBundleLast()
    {
        using var client = fixture.CreatePortalClient();
        var page = await HtmlPage.GetAsync(client, "/");
        var sheets = page.Document.QuerySelectorAll("link[rel=stylesheet]").Select(l => l.GetAttribute("href")!).ToList();

        Assert.Equal("DigitalAlmaty.Web.styles.css", sheets[^1]);
        Assert.Contains(sheets, s => s.StartsWith("brand/site.css?v=", StringComparison.Ordinal));
        foreach (var sheet in sheets)
        {
            var response = await client.GetAsync("/" + sheet);
            Assert.True(response.IsSuccessStatusCode, sheet);
            Assert.Equal("text/css", response.Content.Headers.ContentType!.MediaType);
        }

        // The isolated styles of the interactive components are in the bundle, scoped to them.
        var bundle = await client.GetStringAsync("/DigitalAlmaty.Web.styles.css");
        Assert.Matches(@"\.moderation\[b-[a-z0-9]+\]\s+\.queue-row\s*\{", bundle);
        Assert.Matches(@"\.publication-editor\[b-[a-z0-9]+\]\s+\.mud-tabs\s*\{", bundle);
    }

    [Theory]
    [InlineData("/brand/site.css", "text/css")]
    [InlineData("/brand/logo.svg", "image/svg+xml")]
    [InlineData("/brand/fonts/roboto-cyrillic-ext-400-normal.woff2", "font/woff2")]
    [InlineData("/_content/MudBlazor/MudBlazor.min.css", "text/css")]
    public async Task BrandAssets_AreServed(string url, string contentType)
    {
        using var client = fixture.CreatePortalClient();
        var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(contentType, response.Content.Headers.ContentType!.MediaType);
    }
}
