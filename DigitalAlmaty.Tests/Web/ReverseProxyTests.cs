using System.Net;
using DigitalAlmaty.Web.Features.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace DigitalAlmaty.Tests.Web;

public sealed class ReverseProxyTests
{
    private static ForwardedHeadersOptions Configured(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        using var services = new ServiceCollection().AddPortalReverseProxy(configuration).BuildServiceProvider();
        return services.GetRequiredService<IOptions<ForwardedHeadersOptions>>().Value;
    }

    private static async Task<HttpContext> ThroughAsync(ForwardedHeadersOptions options, string remote)
    {
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.Parse(remote);
        context.Request.Scheme = "http";
        context.Request.Headers["X-Forwarded-For"] = "203.0.113.7";
        context.Request.Headers["X-Forwarded-Proto"] = "https";
        var middleware = new ForwardedHeadersMiddleware(_ => Task.CompletedTask, NullLoggerFactory.Instance, Options.Create(options));
        await middleware.Invoke(context);
        return context;
    }

    [Fact]
    public async Task ClientAddressAndScheme_AreTakenFromConfiguredProxies_Only()
    {
        var options = Configured(new() { [ReverseProxy.KnownProxiesKey] = "10.0.0.5", [ReverseProxy.KnownNetworksKey] = "10.1.0.0/16, 192.168.10.0/24" });

        foreach (var proxy in new[] { "10.0.0.5", "10.1.2.3", "192.168.10.20", "127.0.0.1" })
        {
            var forwarded = await ThroughAsync(options, proxy);
            Assert.Equal("203.0.113.7", forwarded.Connection.RemoteIpAddress!.ToString());
            Assert.Equal("https", forwarded.Request.Scheme);
        }

        // Anyone else may send the same headers: they are ignored.
        var stranger = await ThroughAsync(options, "198.51.100.9");
        Assert.Equal("198.51.100.9", stranger.Connection.RemoteIpAddress!.ToString());
        Assert.Equal("http", stranger.Request.Scheme);
    }

    [Fact]
    public async Task WithoutConfiguration_OnlyThisMachineIsTrusted()
    {
        var options = Configured([]);
        Assert.Equal("203.0.113.7", (await ThroughAsync(options, "127.0.0.1")).Connection.RemoteIpAddress!.ToString());
        Assert.Equal("10.0.0.5", (await ThroughAsync(options, "10.0.0.5")).Connection.RemoteIpAddress!.ToString());
    }

    [Theory]
    [InlineData(ReverseProxy.KnownProxiesKey, "10.0.0.300")]
    [InlineData(ReverseProxy.KnownNetworksKey, "10.0.0.0/40")]
    public void AMistypedValue_StopsTheStart_NamingTheKeyAndTheText(string key, string value)
    {
        var error = Assert.Throws<InvalidOperationException>(() => Configured(new() { [key] = value }));
        Assert.Contains(key, error.Message, StringComparison.Ordinal);
        Assert.Contains(value, error.Message, StringComparison.Ordinal);
    }
}
