using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace DigitalAlmaty.Tests.Support;

/// <summary>
/// Plays the TCP peer: a request carrying <see cref="Header"/> arrives, for everything after this
/// filter (the forwarded-headers middleware included), from that address, as if it had connected from
/// there. Add it with <c>ConfigureTestServices(s => s.AddSingleton&lt;IStartupFilter, PeerAddressFilter&gt;())</c>.
/// </summary>
public sealed class PeerAddressFilter : IStartupFilter
{
    public const string Header = "X-Test-Peer";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, following) =>
        {
            if (context.Request.Headers.Remove(Header, out var value) && IPAddress.TryParse(value.ToString(), out var address))
            {
                context.Connection.RemoteIpAddress = address;
            }

            return following(context);
        });
        next(app);
    };
}
