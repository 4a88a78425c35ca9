using System.Globalization;
using System.Net;
using System.Text.Json;
using DigitalAlmaty.Tests.Support;

namespace DigitalAlmaty.Tests.Web.OpenData;

/// <summary>The API has its own limit per client address; a refusal is problem details with Retry-After, readable cross-origin.</summary>
public sealed class OpenDataRateLimitTests(OpenDataRateLimitTests.Fixture fixture) : IClassFixture<OpenDataRateLimitTests.Fixture>
{
    public sealed class Fixture() : PortalFactory(new Dictionary<string, string?>
    {
        ["RateLimits:RequestsPerMinute"] = "1000",
        ["RateLimits:ApiRequestsPerMinute"] = "3",
    });

    [Fact]
    public async Task RequestsBeyondTheApiLimit_Get429_WithRetryAfter_AsProblemDetails()
    {
        using var client = fixture.CreatePortalClient();
        for (var i = 0; i < 3; i++)
        {
            using var allowed = await client.GetAsync("/api/v1/ideas?culture=en-US");
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/ideas?culture=en-US");
        request.Headers.Add("Origin", "https://researcher.example.org");
        using var refused = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(int.Parse(refused.Headers.GetValues("Retry-After").Single(), CultureInfo.InvariantCulture) > 0);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal("*", refused.Headers.GetValues("Access-Control-Allow-Origin").Single());
        using var body = JsonDocument.Parse(await refused.Content.ReadAsStringAsync());
        Assert.Equal(429, body.RootElement.GetProperty("status").GetInt32());
        Assert.Equal("Too many requests", body.RootElement.GetProperty("title").GetString());

        // The document counts toward the same limit; the pages do not.
        using var document = await client.GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.TooManyRequests, document.StatusCode);
        using var page = await client.GetAsync("/ideas");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }
}
