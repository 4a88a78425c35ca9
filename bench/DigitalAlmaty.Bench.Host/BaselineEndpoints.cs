using System.Text;
using System.Text.Encodings.Web;
using DigitalAlmaty.Domain.Submissions;
using DigitalAlmaty.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace DigitalAlmaty.Bench.Host;

/// <summary>
/// Reference endpoints for bench/public-pages.sh: the first page of published ideas from a compiled,
/// untracked query written as HTML by hand, and the bytes of the portal's own /ideas page served
/// from memory. They are the baselines the real pages are measured against in the same run.
/// </summary>
public static class BaselineEndpoints
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

    private static byte[]? _frozen;

    public static IEndpointRouteBuilder MapBaselines(this IEndpointRouteBuilder endpoints)
    {
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

                    var local = DigitalAlmaty.Domain.Time.AlmatyTime.ToLocal(row.PublishedAt);
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
