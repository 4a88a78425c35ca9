using System.Text;
using System.Xml;
using DigitalAlmaty.Domain.Submissions;
using DigitalAlmaty.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace DigitalAlmaty.Web.Features.Catalog;

/// <summary>sitemap.xml (the sections, published ideas and events, visible publications) and robots.txt (clauses 3.5 and 4.4.2).</summary>
public static class SitemapEndpoints
{
    private const string Namespace = "http://www.sitemaps.org/schemas/sitemap/0.9";

    public static RouteGroupBuilder MapPortalSitemap(this IEndpointRouteBuilder routes)
    {
        var endpoints = routes.MapGroup(string.Empty);
        endpoints.MapGet("/robots.txt", (HttpContext http) => Results.Text(
            $"""
            User-agent: *
            Disallow: /Identity/
            Disallow: /my
            Disallow: /moderation
            Disallow: /admin
            Disallow: /files/
            Crawl-delay: 5

            Sitemap: {Root(http)}sitemap.xml
            """,
            "text/plain; charset=utf-8"));

        endpoints.MapGet("/sitemap.xml", async (HttpContext http, IDbContextFactory<PortalDbContext> databases, TimeProvider clock) =>
        {
            await using var db = await databases.CreateDbContextAsync();
            var items = await db.Submissions.AsNoTracking()
                .Where(s => s.Status == SubmissionStatus.Published)
                .OrderByDescending(s => s.UpdatedAt)
                .Select(s => new { s.Id, Kind = EF.Property<string>(s, Data.Configurations.SubmissionConfiguration.KindColumn), s.UpdatedAt })
                .Take(44_000)
                .ToListAsync();

            var now = clock.GetUtcNow();
            var publications = await Publications.PublicationCatalog.Visible(db.Publications.AsNoTracking(), now)
                .OrderByDescending(p => p.UpdatedAt)
                .Select(p => new { p.Id, p.Kind, p.UpdatedAt })
                .Take(5_000)
                .ToListAsync();

            var root = Root(http);
            var buffer = new MemoryStream();
            using (var xml = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
            {
                xml.WriteStartElement("urlset", Namespace);
                foreach (var section in new[] { string.Empty, "news", "events", "ideas", "reports", "projects", "agreement" })
                {
                    Url(xml, root + section, null);
                }

                foreach (var item in items)
                {
                    Url(xml, $"{root}{(item.Kind == nameof(SubmissionKind.Idea) ? "ideas" : "events")}/{item.Id}", item.UpdatedAt);
                }

                foreach (var publication in publications)
                {
                    Url(xml, $"{root}{Publications.PublicationSections.PathOf(publication.Kind)}/{publication.Id}", publication.UpdatedAt);
                }

                xml.WriteEndElement();
            }

            return Results.Bytes(buffer.ToArray(), "application/xml; charset=utf-8");
        });

        return endpoints;
    }

    private static string Root(HttpContext http) => PortalUrls.Root(http.Request);

    private static void Url(XmlWriter xml, string location, DateTimeOffset? modified)
    {
        xml.WriteStartElement("url", Namespace);
        xml.WriteElementString("loc", Namespace, location);
        if (modified is { } at)
        {
            xml.WriteElementString("lastmod", Namespace, at.UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        }

        xml.WriteEndElement();
    }
}
