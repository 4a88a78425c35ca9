using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace DigitalAlmaty.Web.Features.Security;

/// <summary>
/// Behind a reverse proxy (nginx, a load balancer) every request arrives from the proxy's address and
/// over plain HTTP. Without the proxy's X-Forwarded-For and X-Forwarded-Proto the rate limits would
/// count the whole city as one client and sign-in records would show the proxy. Those headers are
/// believed only from the proxies named in configuration (and from this machine, the framework's
/// default), never from the open internet.
/// </summary>
public static class ReverseProxy
{
    public const string KnownProxiesKey = "Proxy:KnownProxies";
    public const string KnownNetworksKey = "Proxy:KnownNetworks";

    public static IServiceCollection AddPortalReverseProxy(this IServiceCollection services, IConfiguration configuration)
    {
        var proxies = Parse(configuration[KnownProxiesKey], KnownProxiesKey, "an IP address", (string text, out IPAddress value) =>
        {
            var parsed = IPAddress.TryParse(text, out var address);
            value = address!;
            return parsed;
        });
        var networks = Parse<System.Net.IPNetwork>(configuration[KnownNetworksKey], KnownNetworksKey, "a network such as 10.0.0.0/8", System.Net.IPNetwork.TryParse);
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var proxy in proxies)
            {
                options.KnownProxies.Add(proxy);
            }

            foreach (var network in networks)
            {
                options.KnownIPNetworks.Add(network);
            }
        });
        return services;
    }

    /// <summary>A comma- or space-separated list; a value that does not parse stops the start with its key and text.</summary>
    private static List<T> Parse<T>(string? raw, string key, string expected, TryParse<T> parse)
    {
        var values = new List<T>();
        foreach (var text in (raw ?? string.Empty).Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            values.Add(parse(text, out var value) ? value : throw new InvalidOperationException($"{key}: '{text}' is not {expected}."));
        }

        return values;
    }

    private delegate bool TryParse<T>(string text, out T value);
}
