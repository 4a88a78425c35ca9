using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using System.Text.Encodings.Web;
using DigitalAlmaty.Domain.Submissions;
using DigitalAlmaty.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace DigitalAlmaty.Web.Features.Bench;

/// <summary>
/// Reference endpoints for bench/ (only with <c>Bench:Enabled</c>): the first page of published ideas
/// from a compiled, untracked query written as HTML by hand, and the bytes of the portal's own /ideas
/// page served from memory. They are the baselines the real pages are measured against in the same
/// run. Also records the server time of every request (from the first middleware to the last byte
/// written), read back at /bench/timings.
/// </summary>
public static class BenchEndpoints
{
    private static readonly Func<PortalDbContext, int, IAsyncEnumerable<Row>> FirstIdeas = EF.CompileAsyncQuery(
        (PortalDbContext db, int take) => db.Ideas
            .Where(i => i.Status == SubmissionStatus.Published)
            .OrderByDescending(i => i.PublishedAt).ThenByDescending(i => i.Id)
            .Select(i => new Row(i.Id, i.Title, i.Summary, i.Category, i.PublishedAt!.Value))
            .Take(take));

    private static readonly Func<PortalDbContext, int, IAsyncEnumerable<FullRow>> FirstIdeasWithAuthors = EF.CompileAsyncQuery(
        (PortalDbContext db, int take) =>
            from i in db.Ideas
                .Where(i => i.Status == SubmissionStatus.Published)
                .OrderByDescending(i => i.PublishedAt).ThenByDescending(i => i.Id)
                .Take(take)
            join u in db.Users on i.AuthorId equals u.Id into authors
            from u in authors.DefaultIfEmpty()
            orderby i.PublishedAt descending, i.Id descending
            select new FullRow(i.Id, i.Title, i.Summary, i.Category, i.PublishedAt!.Value, u.DisplayName, i.Tags));

    /// <summary>The /ideas page around its list (header, filters, pager, footer), taken once from the portal.</summary>
    private static (byte[] Before, byte[] After)? _shell;

    private static readonly ConcurrentDictionary<string, ConcurrentQueue<double>> Timings = new(StringComparer.Ordinal);

    private static byte[]? _frozen;

    /// <summary>
    /// Only with <c>Bench:Enabled</c> and only in Development or Testing: the bench endpoints create a
    /// moderator session for anyone who asks, so no production setting can switch them on.
    /// </summary>
    public static bool IsEnabled(IConfiguration configuration, IHostEnvironment environment) =>
        configuration.GetValue("Bench:Enabled", false) && (environment.IsDevelopment() || environment.IsEnvironment("Testing"));

    /// <summary>Bench endpoints answer this machine only (after the trusted proxies' X-Forwarded-For is applied).</summary>
    private static bool FromThisMachine(HttpContext context) =>
        context.Connection.RemoteIpAddress is { } address && System.Net.IPAddress.IsLoopback(address);

    /// <summary>First in the pipeline: the time each request spends in the server, by path (query left out).</summary>
    public static IApplicationBuilder UseBenchTimings(this IApplicationBuilder app, IConfiguration configuration, IHostEnvironment environment)
    {
        if (!IsEnabled(configuration, environment))
        {
            return app;
        }

        return app.Use(async (context, next) =>
        {
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
                var key = context.Request.Headers.Authorization.Count > 0 ? path + " (uncached)" : path;
                Timings.GetOrAdd(key, _ => new ConcurrentQueue<double>()).Enqueue(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        });
    }

    public static IEndpointRouteBuilder MapBenchEndpoints(this IEndpointRouteBuilder endpoints, IConfiguration configuration, IHostEnvironment environment)
    {
        if (!IsEnabled(configuration, environment))
        {
            return endpoints;
        }

        // The first version of the baseline: the same query, a bare page (no header, filters or footer).
        endpoints.MapGet("/bench/baseline/ideas-bare", async (IDbContextFactory<PortalDbContext> databases) =>
        {
            var html = await RenderAsync(databases);
            return Results.Bytes(html, "text/html; charset=utf-8");
        });

        // The same page as /ideas written by hand: its shell taken once from the portal, the list (ideas,
        // authors, tags) queried with a compiled query and written with a StringBuilder on every request.
        endpoints.MapGet("/bench/baseline/ideas", async (HttpContext http, IDbContextFactory<PortalDbContext> databases) =>
        {
            var (before, after) = _shell ??= Split(await FrozenAsync(http));
            var html = HtmlEncoder.Default;
            var ru = System.Globalization.CultureInfo.GetCultureInfo("ru-RU");
            var builder = new StringBuilder(16_384);
            await using (var db = await databases.CreateDbContextAsync())
            {
                var count = 0;
                await foreach (var row in FirstIdeasWithAuthors(db, 21))
                {
                    if (++count > 20)
                    {
                        break;
                    }

                    var local = Domain.Time.AlmatyTime.ToLocal(row.PublishedAt);
                    builder.Append("<li class=\"item-card\"><p class=\"item-card__meta\">").Append(html.Encode(CategoryNames.GetValueOrDefault(row.Category ?? string.Empty, "—")))
                        .Append(" · <time datetime=\"").Append(row.PublishedAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture))
                        .Append("\">").Append(local.ToString("d MMMM yyyy", ru)).Append("</time></p>\n<h2><a href=\"ideas/").Append(row.Id).Append("\">")
                        .Append(html.Encode(row.Title)).Append("</a></h2>\n<p>").Append(html.Encode(row.Summary))
                        .Append("</p>\n<p class=\"item-card__meta\">Автор: ").Append(html.Encode(row.Author ?? "Бывший участник")).Append("</p>");
                    if (row.Tags.Count > 0)
                    {
                        builder.Append("<ul class=\"tag-list tag-list--links\" aria-label=\"Теги\">");
                        foreach (var tag in row.Tags)
                        {
                            builder.Append("<li><a href=\"ideas?tag=").Append(Uri.EscapeDataString(tag)).Append("\">").Append(html.Encode(tag)).Append("</a></li>");
                        }

                        builder.Append("</ul>");
                    }

                    builder.Append("</li>\n");
                }
            }

            var middle = Encoding.UTF8.GetBytes(builder.ToString());
            var body = new byte[before.Length + middle.Length + after.Length];
            before.CopyTo(body, 0);
            middle.CopyTo(body, before.Length);
            after.CopyTo(body, before.Length + middle.Length);
            return Results.Bytes(body, "text/html; charset=utf-8");
        });

        // The same bytes as the portal's /ideas page (fetched once through the portal itself), from memory.
        // Written by hand: a lambda taking only HttpContext binds as a RequestDelegate, and an IResult it
        // returned would be dropped (an empty 200).
        endpoints.MapGet("/bench/static/ideas", async context =>
        {
            var page = await FrozenAsync(context);
            context.Response.ContentType = "text/html; charset=utf-8";
            context.Response.ContentLength = page.Length;
            await context.Response.Body.WriteAsync(page);
        });

        // Server time per path since the last reset: count, p50, p95, p99 in milliseconds.
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

        endpoints.MapModerationBench();
        endpoints.MapBenchGc();
        endpoints.MapLoadBench();
        return endpoints;
    }

    private static readonly Dictionary<string, string> CategoryNames = new(StringComparer.Ordinal)
    {
        ["transport"] = "Транспорт", ["education"] = "Образование", ["ecology"] = "Экология", ["health"] = "Здоровье",
        ["smart-city"] = "Умный город", ["open-data"] = "Открытые данные",
    };

    private static async Task<byte[]> FrozenAsync(HttpContext http)
    {
        if (_frozen is null)
        {
            // The address this request reached (a loopback one), never the Host header the caller chose.
            var local = new System.Net.IPEndPoint(http.Connection.LocalIpAddress!, http.Connection.LocalPort);
            using var client = new HttpClient { BaseAddress = new Uri($"http://{local}/") };
            _frozen = await client.GetByteArrayAsync("ideas");
        }

        return _frozen;
    }

    private static (byte[] Before, byte[] After) Split(byte[] page)
    {
        var text = Encoding.UTF8.GetString(page);
        const string open = "<ul class=\"card-list\">";
        var start = text.IndexOf(open, StringComparison.Ordinal) + open.Length;
        var end = text.LastIndexOf("</ul>", text.IndexOf("<nav class=\"pager\"", StringComparison.Ordinal), StringComparison.Ordinal);
        return (Encoding.UTF8.GetBytes(text[..start]), Encoding.UTF8.GetBytes(text[end..]));
    }

    private sealed record FullRow(Guid Id, string Title, string Summary, string? Category, DateTimeOffset PublishedAt, string? Author, IReadOnlyList<string> Tags);

    private static async Task<byte[]> RenderAsync(IDbContextFactory<PortalDbContext> databases)
    {
        await using var db = await databases.CreateDbContextAsync();
        var html = HtmlEncoder.Default;
        var builder = new StringBuilder(16_384);
        builder.Append("<!DOCTYPE html><html lang=\"ru\"><head><meta charset=\"utf-8\"><title>Идеи</title><link rel=\"stylesheet\" href=\"brand/site.css\"></head><body><main><h1>Идеи</h1><ul class=\"card-list\">");
        await foreach (var row in FirstIdeas(db, 21))
        {
            builder.Append("<li class=\"item-card\"><p class=\"item-card__meta\">").Append(html.Encode(row.Category ?? string.Empty))
                .Append(" · ").Append(row.PublishedAt.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("ru-RU")))
                .Append("</p><h2><a href=\"ideas/").Append(row.Id).Append("\">").Append(html.Encode(row.Title))
                .Append("</a></h2><p>").Append(html.Encode(row.Summary)).Append("</p></li>");
        }

        builder.Append("</ul></main></body></html>");
        return Encoding.UTF8.GetBytes(builder.ToString());
    }

    private sealed record Row(Guid Id, string Title, string Summary, string? Category, DateTimeOffset PublishedAt);
}
