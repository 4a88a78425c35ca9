using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using DigitalAlmaty.Tests.Support;

namespace DigitalAlmaty.Tests.Web;

/// <summary>
/// The security headers on every kind of response: Blazor pages, the directly written /ideas, account
/// Razor Pages, minimal-API endpoints, static files, error and status pages, redirects, and pages
/// served a second time from the output cache.
/// </summary>
public sealed partial class SecurityHeadersTests(SecurityHeadersTests.Fixture fixture) : IClassFixture<SecurityHeadersTests.Fixture>
{
    public sealed class Fixture : PortalFactory;

    /// <summary>One address of each kind an anonymous visitor can reach.</summary>
    public static TheoryData<string> AnonymousUrls() =>
    [
        "/", "/ideas", "/ideas?category=transport", "/events", "/news", "/reports", "/projects", "/search?q=парковки",
        "/agreement", "/claims/new", "/Identity/Account/Login", "/Identity/Account/Register",
        "/Identity/Account/ForgotPassword", "/ideas/new", "/my", "/no-such-page-here", $"/ideas/{Guid.NewGuid()}",
        $"/files/{Guid.NewGuid()}", "/feeds/news.atom", "/feeds/ideas.atom", "/events/calendar.ics", "/sitemap.xml",
        "/robots.txt", "/healthz", "/brand/site.css", "/brand/logo.svg", "/_framework/blazor.web.js",
        "/_content/MudBlazor/MudBlazor.min.css", "/status/500", "/api/v1/ideas", "/api/v1/no-such-list", "/openapi/v1.json",
    ];

    [Theory]
    [MemberData(nameof(AnonymousUrls))]
    public async Task EveryAnonymousResponse_CarriesTheHeaders(string url)
    {
        using var client = fixture.CreatePortalClient();
        using var response = await client.GetAsync(url);

        AssertSecurityHeaders(response, url);
        Assert.Equal("strict-origin-when-cross-origin", Single(response, "Referrer-Policy"));
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("HEAD")]
    [InlineData("POST")]
    public async Task OtherMethods_CarryTheHeaders_EvenWhenRefused(string method)
    {
        using var client = fixture.CreatePortalClient();
        using var request = new HttpRequestMessage(new HttpMethod(method), "/claims/new") { Content = method == "POST" ? new FormUrlEncodedContent([]) : null };
        using var response = await client.SendAsync(request);

        AssertSecurityHeaders(response, $"{method} /claims/new ({(int)response.StatusCode})");
    }

    [Theory]
    [InlineData("/ideas")]
    [InlineData("/events")]
    [InlineData("/")]
    [InlineData("/sitemap.xml")]
    public async Task APageServedFromTheOutputCache_StillCarriesTheHeaders(string path)
    {
        using var client = fixture.CreatePortalClient();
        var url = path + "?probe=" + Guid.NewGuid().ToString("N");
        using var first = await client.GetAsync(url);
        var firstBody = await first.Content.ReadAsStringAsync();
        using var second = await client.GetAsync(url);
        var secondBody = await second.Content.ReadAsStringAsync();

        // The output cache answers with an Age header; a fresh render has none.
        Assert.False(first.Headers.Age.HasValue, "The first request should have been rendered.");
        Assert.True(second.Headers.Age.HasValue, "The second request should have come from the output cache.");
        Assert.Equal(firstBody, secondBody);
        AssertSecurityHeaders(second, url + " (cached)");
        Assert.Equal(Single(first, "Content-Security-Policy"), Single(second, "Content-Security-Policy"));
    }

    [Theory]
    [InlineData("/ideas/new")]
    [InlineData("/events/new")]
    [InlineData("/my")]
    [InlineData("/ideas")]
    [InlineData("/Identity/Account/Manage")]
    public async Task SignedInPages_CarryTheHeaders_AndTheirImportMapIsAllowedByItsHash(string path)
    {
        var (_, email) = await fixture.NewUserAsync("Айгерим Заголовкова");
        using var client = await fixture.SignedInClientAsync(email);
        using var response = await client.GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertSecurityHeaders(response, path);
        var scripts = Directives(response)["script-src"];
        foreach (Match inline in InlineScript().Matches(html))
        {
            // Every inline script on the page (the import map) must be allowed by a hash in the policy.
            var hash = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(inline.Groups["body"].Value)));
            Assert.Contains($"'sha256-{hash}'", scripts);
        }

        if (path != "/Identity/Account/Manage")
        {
            Assert.Matches(InlineScript(), html);
        }
    }

    [Theory]
    [InlineData("/Identity/Account/ResetPassword?code=c2VjcmV0LXJlc2V0LWNvZGU")]
    [InlineData("/Identity/Account/ConfirmEmail?userId=someone&code=c2VjcmV0")]
    [InlineData("/Identity/Account/ConfirmEmailChange?userId=someone&email=a%40example.kz&code=c2VjcmV0")]
    [InlineData("/agreement/my-data/secret-download-token")]
    public async Task AddressesCarryingASecret_AreNotPassedOnAsReferrer(string url)
    {
        using var client = fixture.CreatePortalClient();
        using var response = await client.GetAsync(url);

        Assert.Equal("no-referrer", Single(response, "Referrer-Policy"));
        Assert.Equal("DENY", Single(response, "X-Frame-Options"));
    }

    [Fact]
    public async Task Hsts_IsSentOverHttps_AndNotOverPlainHttp()
    {
        using var secure = fixture.CreateClient(new() { BaseAddress = new Uri("https://portal.example.kz/"), AllowAutoRedirect = false });
        using var plain = fixture.CreateClient(new() { BaseAddress = new Uri("http://portal.example.kz/"), AllowAutoRedirect = false });

        using var overHttps = await secure.GetAsync("/events");
        using var overHttp = await plain.GetAsync("/events");

        Assert.Equal("max-age=31536000", Single(overHttps, "Strict-Transport-Security"));
        Assert.False(overHttp.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task Kestrel_DoesNotNameItself()
    {
        await using var portal = new PortalFactory();
        var address = portal.StartKestrel();
        using var client = new HttpClient { BaseAddress = address };

        using var response = await client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(response.Headers.Server);
        AssertSecurityHeaders(response, "/healthz over Kestrel");
    }

    [Fact]
    public async Task ARateLimitRefusal_CarriesTheHeaders()
    {
        await using var portal = new PortalFactory(new Dictionary<string, string?> { ["RateLimits:RequestsPerMinute"] = "2" });
        using var client = portal.CreatePortalClient();

        HttpResponseMessage? refused = null;
        for (var i = 0; i < 5 && refused is null; i++)
        {
            var response = await client.GetAsync("/healthz");
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                refused = response;
            }
            else
            {
                response.Dispose();
            }
        }

        Assert.NotNull(refused);
        using (refused)
        {
            AssertSecurityHeaders(refused, "429");
        }
    }

    private static void AssertSecurityHeaders(HttpResponseMessage response, string what)
    {
        Assert.True(response.Headers.Contains("Content-Security-Policy"), $"{what}: no Content-Security-Policy ({(int)response.StatusCode}).");
        var csp = Directives(response);
        Assert.Equal(["'self'"], csp["default-src"]);
        Assert.Equal("'self'", csp["script-src"][0]);
        Assert.All(csp["script-src"], source => Assert.True(source == "'self'" || source.StartsWith("'sha256-", StringComparison.Ordinal), $"{what}: script source {source}"));
        Assert.Equal(["'self'"], csp["connect-src"]);
        Assert.Equal(["'self'"], csp["style-src-elem"]);
        Assert.Equal(["'self'", "data:"], csp["img-src"]);
        Assert.Equal(["'none'"], csp["object-src"]);
        Assert.Equal(["'self'"], csp["base-uri"]);
        Assert.Equal(["'self'"], csp["form-action"]);
        Assert.Equal(["'none'"], csp["frame-ancestors"]);
        Assert.DoesNotContain("unsafe-eval", Single(response, "Content-Security-Policy"), StringComparison.Ordinal);

        Assert.Equal("DENY", Single(response, "X-Frame-Options"));
        Assert.Equal("nosniff", Single(response, "X-Content-Type-Options"));
        Assert.Contains(Single(response, "Referrer-Policy"), new[] { "strict-origin-when-cross-origin", "no-referrer" });
        var permissions = Single(response, "Permissions-Policy");
        foreach (var feature in new[] { "camera=()", "microphone=()", "geolocation=()", "payment=()", "usb=()" })
        {
            Assert.Contains(feature, permissions, StringComparison.Ordinal);
        }

        Assert.Equal("same-origin", Single(response, "Cross-Origin-Opener-Policy"));
    }

    private static Dictionary<string, string[]> Directives(HttpResponseMessage response) =>
        Single(response, "Content-Security-Policy")
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(directive => directive.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .ToDictionary(parts => parts[0], parts => parts[1..], StringComparer.Ordinal);

    private static string Single(HttpResponseMessage response, string header)
    {
        var values = response.Headers.TryGetValues(header, out var found)
            ? found.ToArray()
            : response.Content.Headers.TryGetValues(header, out var content) ? content.ToArray() : [];
        return Assert.Single(values);
    }

    /// <summary>An inline script element (no src) and its exact body.</summary>
    [GeneratedRegex("<script(?![^>]*\\bsrc=)[^>]*>(?<body>.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex InlineScript();
}
