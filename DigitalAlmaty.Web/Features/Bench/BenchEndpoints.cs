using System.Text;
using System.Text.Encodings.Web;
using DigitalAlmaty.Domain.Submissions;
using DigitalAlmaty.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace DigitalAlmaty.Web.Features.Bench;

/// <summary>
/// Reference endpoints for bench/ (only with <c>Bench:Enabled</c>): the first page of published ideas
/// from a compiled, untracked query written as HTML by hand, and the same bytes served from memory.
/// They are the baselines the real pages are measured against in the same run.
/// </summary>
public static class BenchEndpoints
{
    private static readonly Func<PortalDbContext, int, IAsyncEnumerable<Row>> FirstIdeas = EF.CompileAsyncQuery(
        (PortalDbContext db, int take) => db.Ideas
            .Where(i => i.Status == SubmissionStatus.Published)
            .OrderByDescending(i => i.PublishedAt).ThenByDescending(i => i.Id)
            .Select(i => new Row(i.Id, i.Title, i.Summary, i.Category, i.PublishedAt!.Value))
            .Take(take));

    private static byte[]? _frozen;

    public static IEndpointRouteBuilder MapBenchEndpoints(this IEndpointRouteBuilder endpoints, IConfiguration configuration)
    {
        if (!configuration.GetValue("Bench:Enabled", false))
        {
            return endpoints;
        }

        endpoints.MapGet("/bench/baseline/ideas", async (IDbContextFactory<PortalDbContext> databases) =>
        {
            var html = await RenderAsync(databases);
            return Results.Bytes(html, "text/html; charset=utf-8");
        });

        endpoints.MapGet("/bench/static/ideas", async (IDbContextFactory<PortalDbContext> databases) =>
        {
            _frozen ??= await RenderAsync(databases);
            return Results.Bytes(_frozen, "text/html; charset=utf-8");
        });

        endpoints.MapModerationBench();
        endpoints.MapBenchGc();
        return endpoints;
    }

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
