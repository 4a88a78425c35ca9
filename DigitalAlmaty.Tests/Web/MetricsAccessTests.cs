using System.Net;
using DigitalAlmaty.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace DigitalAlmaty.Tests.Web;

/// <summary>
/// <c>/metrics</c> answers a scraper connected from this machine or from a configured proxy address or
/// network, and nobody else: not a stranger, not a stranger who claims to be one of those in
/// X-Forwarded-For, and not anyone a trusted proxy forwards (nginx is trusted, so everyone behind it
/// would be), whatever address the proxy passes on.
/// </summary>
public sealed class MetricsAccessTests(MetricsAccessTests.Fixture fixture) : IClassFixture<MetricsAccessTests.Fixture>
{
    private const string KnownProxy = "10.0.0.5";

    public sealed class Fixture() : PortalFactory(new Dictionary<string, string?>
    {
        ["Proxy:KnownProxies"] = KnownProxy,
        ["Proxy:KnownNetworks"] = "10.1.0.0/16",
    })
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton<IStartupFilter, PeerAddressFilter>());
        }
    }

    private async Task<HttpResponseMessage> GetAsync(string? peer, string path = "/metrics", string? forwardedFor = null)
    {
        using var client = fixture.CreatePortalClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (peer is not null)
        {
            request.Headers.Add(PeerAddressFilter.Header, peer);
        }

        if (forwardedFor is not null)
        {
            request.Headers.Add("X-Forwarded-For", forwardedFor);
        }

        return await client.SendAsync(request);
    }

    private static async Task AssertRefusedAsync(HttpResponseMessage response, string who)
    {
        Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{who}: {(int)response.StatusCode}");
        Assert.DoesNotContain("digitalalmaty_", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("::1")]
    [InlineData(KnownProxy)]
    [InlineData("10.1.2.3")]
    [InlineData("::ffff:10.1.200.7")]
    public async Task APeerConnectedFromThisMachine_OrAKnownAddress_GetsTheMetrics(string peer)
    {
        using var response = await GetAsync(peer);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("digitalalmaty_moderation_decisions_total", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("203.0.113.7")]
    [InlineData("10.2.0.1")]
    [InlineData("10.0.0.6")]
    [InlineData("2001:db8::7")]
    public async Task AStranger_IsRefused(string peer) =>
        await AssertRefusedAsync(await GetAsync(peer), peer);

    [Fact]
    public async Task ARequestWithoutAClientAddress_IsRefused() =>
        await AssertRefusedAsync(await GetAsync(peer: null), "no address");

    [Theory]
    [InlineData("/METRICS")]
    [InlineData("/metrics/")]
    [InlineData("/Metrics?format=x")]
    public async Task OtherSpellingsOfThePath_AreRefusedToAStranger_Too(string path) =>
        await AssertRefusedAsync(await GetAsync("203.0.113.7", path), path);

    [Fact]
    public async Task AStranger_ClaimingLoopbackInXForwardedFor_IsRefused() =>
        await AssertRefusedAsync(await GetAsync("203.0.113.7", forwardedFor: "127.0.0.1"), "stranger claiming 127.0.0.1");

    [Theory]
    [InlineData("127.0.0.1", "203.0.113.7")]
    [InlineData(KnownProxy, "203.0.113.7")]
    public async Task AClientForwardedByATrustedProxy_IsRefused(string proxy, string client) =>
        await AssertRefusedAsync(await GetAsync(proxy, forwardedFor: client), $"{client} through {proxy}");

    [Theory]
    [InlineData(KnownProxy, "127.0.0.1")]
    [InlineData("127.0.0.1", "10.1.2.3")]
    [InlineData(KnownProxy, "203.0.113.7, 127.0.0.1")]
    public async Task ATrustedProxy_ForwardingATrustedLookingAddress_IsRefused(string proxy, string forwardedFor) =>
        await AssertRefusedAsync(await GetAsync(proxy, forwardedFor: forwardedFor), $"'{forwardedFor}' through {proxy}");
}
