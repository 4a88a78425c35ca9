using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text;

namespace DigitalAlmaty.Bench.Host;

/// <summary>
/// The server time of every request (from the first middleware after the portal's own outermost
/// ones to the last byte written), by path with the query left out, read back at /bench/timings.
/// Also keeps /bench/* to this machine.
/// </summary>
public static class BenchTimings
{
    private static readonly ConcurrentDictionary<string, ConcurrentQueue<double>> Timings = new(StringComparer.Ordinal);

    public static IApplicationBuilder UseBenchTimings(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            // After the trusted proxies' X-Forwarded-For is applied: a client a proxy forwards is not this machine.
            if (context.Request.Path.StartsWithSegments("/bench") && !FromThisMachine(context))
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }

            var started = Stopwatch.GetTimestamp();
            await next(context);
            var path = context.Request.Path.Value ?? "/";
            if (!path.StartsWith("/bench/", StringComparison.Ordinal))
            {
                // The portal skips its output cache for requests with an Authorization header (public-pages.sh).
                var key = context.Request.Headers.Authorization.Count > 0 ? path + " (uncached)" : path;
                Timings.GetOrAdd(key, _ => new ConcurrentQueue<double>()).Enqueue(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        });

    /// <summary>Server time per path since the last reset: count, p50, p95, p99 in milliseconds, tab-separated.</summary>
    public static IEndpointRouteBuilder MapBenchTimings(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/bench/timings", (bool? reset) =>
        {
            var text = new StringBuilder();
            foreach (var (path, queue) in Timings.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                var sorted = queue.ToArray();
                if (sorted.Length == 0)
                {
                    continue;
                }

                Array.Sort(sorted);
                double At(double q) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
                text.Append(System.Globalization.CultureInfo.InvariantCulture,
                    $"{path}\t{sorted.Length}\t{At(0.50):0.00}\t{At(0.95):0.00}\t{At(0.99):0.00}\n");
            }

            if (reset == true)
            {
                Timings.Clear();
            }

            return Results.Text(text.ToString(), "text/plain; charset=utf-8");
        });
        return endpoints;
    }

    private static bool FromThisMachine(HttpContext context) =>
        context.Connection.RemoteIpAddress is { } address && IPAddress.IsLoopback(address);
}
