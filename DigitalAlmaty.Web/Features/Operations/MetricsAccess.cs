using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace DigitalAlmaty.Web.Features.Operations;

/// <summary>
/// Who may read <c>/metrics</c>: a scraper connected directly from this machine or from an address
/// listed in <c>Proxy:KnownProxies</c> / <c>Proxy:KnownNetworks</c>. Everyone else gets 404, as if
/// there were nothing there.
/// <para>
/// A request that came through a proxy is refused whoever the proxy says the client is: nginx is a
/// known proxy, so trusting its address would open the metrics to the whole internet behind it, and
/// trusting the client address it forwards would let anyone who can make it forward "127.0.0.1" in.
/// Metrics are per node, so a scraper talks to each node directly anyway. A request counts as proxied
/// when it carries a forwarding header (the forwarded-headers middleware leaves
/// <c>X-Original-For</c> where it replaced the address, and ignores <c>X-Forwarded-For</c> from
/// senders it does not trust, so a stranger's header stays and refuses the request as well).
/// </para>
/// </summary>
public sealed class MetricsAccess(IOptions<ForwardedHeadersOptions> proxies)
{
    public bool Allows(HttpContext context)
    {
        var options = proxies.Value;
        var headers = context.Request.Headers;
        if (headers.ContainsKey(options.ForwardedForHeaderName) || headers.ContainsKey(options.OriginalForHeaderName)
            || headers.ContainsKey("Forwarded"))
        {
            return false;
        }

        return IsTrusted(context.Connection.RemoteIpAddress, options);
    }

    /// <summary>Answers in the endpoint's own pipeline, so every spelling of the path that reaches it is checked.</summary>
    public static void Gate(IApplicationBuilder branch) =>
        branch.Use((context, next) =>
        {
            if (context.RequestServices.GetRequiredService<MetricsAccess>().Allows(context))
            {
                return next(context);
            }

            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        });

    private static bool IsTrusted(IPAddress? address, ForwardedHeadersOptions options)
    {
        if (address is null)
        {
            return false;
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        return IPAddress.IsLoopback(address)
            || options.KnownProxies.Any(proxy => (proxy.IsIPv4MappedToIPv6 ? proxy.MapToIPv4() : proxy).Equals(address))
            || options.KnownIPNetworks.Any(network => network.Contains(address));
    }
}
