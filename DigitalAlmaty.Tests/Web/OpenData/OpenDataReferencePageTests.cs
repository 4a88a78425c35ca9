using System.Net;
using DigitalAlmaty.Tests.Support;

namespace DigitalAlmaty.Tests.Web.OpenData;

/// <summary>
/// The reference at /api runs Scalar's script from the portal itself: scripts stay 'self' only, and
/// only that page may have inline style elements (Scalar writes its styles so).
/// </summary>
public sealed class OpenDataReferencePageTests(OpenDataReferencePageTests.Fixture fixture) : IClassFixture<OpenDataReferencePageTests.Fixture>
{
    public sealed class Fixture : PortalFactory;

    [Fact]
    public async Task TheReference_LoadsScalarFromThePortal_UnderAScriptSelfPolicy()
    {
        using var client = fixture.CreatePortalClient();
        using var response = await client.GetAsync("/api?culture=kk-KZ");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<title>«Цифрлық Алматы» порталының ашық API-і</title>", html, StringComparison.Ordinal);
        Assert.Contains("<script src=\"api/reference/scalar.js\"></script>", html, StringComparison.Ordinal);
        Assert.Contains("data-document=\"/openapi/v1.json\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("cdn.", html, StringComparison.OrdinalIgnoreCase);
        var csp = Directives(response);
        Assert.Equal(["'self'"], csp["script-src"]);
        Assert.Equal(["'self'", "'unsafe-inline'"], csp["style-src-elem"]);
        Assert.Equal(["'self'"], csp["connect-src"]);
        Assert.Equal(["'self'"], csp["font-src"]);

        // Every script the page names is served by the portal.
        foreach (var script in new[] { "api/reference/scalar.js", "brand/api-reference.js" })
        {
            using var asset = await client.GetAsync("/" + script);
            Assert.Equal(HttpStatusCode.OK, asset.StatusCode);
            Assert.Equal("text/javascript", asset.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task InlineStyleElements_AreAllowed_OnTheReferenceOnly()
    {
        using var client = fixture.CreatePortalClient();
        foreach (var path in new[] { "/", "/ideas", "/api/v1/ideas", "/openapi/v1.json", "/api/reference/scalar.js" })
        {
            using var response = await client.GetAsync(path);
            Assert.Equal(["'self'"], Directives(response)["style-src-elem"]);
        }
    }

    [Theory]
    [InlineData("/api/reference")]
    [InlineData("/api/reference/")]
    [InlineData("/api/reference/v1")]
    public async Task ScalarsOwnPage_WithItsInlineScript_SendsReadersToTheReference(string path)
    {
        using var client = fixture.CreatePortalClient();
        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/api", response.Headers.Location?.OriginalString);
    }

    private static Dictionary<string, string[]> Directives(HttpResponseMessage response) =>
        response.Headers.GetValues("Content-Security-Policy").Single()
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(d => d.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .ToDictionary(p => p[0], p => p[1..]);
}
