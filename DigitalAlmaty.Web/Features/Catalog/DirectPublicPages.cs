using System.Text;
using DigitalAlmaty.Web.Components.Layout;
using DigitalAlmaty.Web.Localization;

namespace DigitalAlmaty.Web.Features.Catalog;

/// <summary>
/// The busiest public page, /ideas, written for anonymous readers without Blazor's component renderer.
/// Uncached, the renderer's per-request machinery (component states, layout, head outlet, the endpoint
/// invoker) cost about as much CPU as the page's query. The markup comes from the same writers the
/// Blazor page and layout render (<see cref="SiteShellMarkup"/>, <see cref="IdeasListMarkup"/>), so the
/// two ways give the same bytes; a test compares them. Signed-in readers keep the Blazor page (their
/// header has live parts). <c>PublicPages:WriteDirectly=false</c> turns this off.
/// </summary>
internal static class DirectPublicPages
{
    /// <summary>The component pages that have a direct writer, and the writer.</summary>
    public static RequestDelegate? WriterFor(Type? page) => page == typeof(IdeasPage) ? WriteIdeasAsync : null;

    private static async Task WriteIdeasAsync(HttpContext http)
    {
        var services = http.RequestServices;
        var list = services.GetRequiredService<IdeasListMarkup>();
        var query = IdeasListQuery.From(http.Request.Query);
        var page = await services.GetRequiredService<PublicCatalog>().IdeasAsync(query.Category, query.Sort, query.After, tag: query.Tag, status: query.Status);

        var markup = new StringBuilder(32 * 1024);
        WriteDocumentStart(markup, services.GetRequiredService<System.Text.Encodings.Web.HtmlEncoder>().Encode(list.Title), list.WriteHead);
        var shell = services.GetRequiredService<SiteShellMarkup>();
        shell.WriteAnonymousHeader(markup, http.Request);
        markup.Append("\n<main id=\"main\" class=\"site-main\" tabindex=\"-1\">");
        list.WriteBody(markup, query, page);
        markup.Append("</main>\n");
        shell.WriteFooter(markup);
        markup.Append(DocumentEnd);
        await WriteAsync(http, markup);
    }

    /// <summary>What App.razor writes before the layout for a static page (no circuit, see StaticPublicPages).</summary>
    private static void WriteDocumentStart(StringBuilder markup, string encodedTitle, Action<StringBuilder> head)
    {
        markup.Append("<!DOCTYPE html>\n<html lang=\"").Append(PortalCultures.HtmlLang).Append("\">")
            .Append("<head><meta charset=\"utf-8\">\n    <meta name=\"viewport\" content=\"width=device-width, initial-scale=1.0\">\n    <base href=\"/\">\n    ")
            .Append(SiteShellMarkup.HeadLinks)
            .Append("<title>").Append(encodedTitle).Append("</title>");
        head(markup);
        markup.Append("</head>\n\n<body data-enhance-nav=\"false\">");
    }

    private const string DocumentEnd = "</body></html>";

    private static async Task WriteAsync(HttpContext http, StringBuilder markup)
    {
        var response = http.Response;
        response.ContentType = "text/html; charset=utf-8";
        var bytes = Encoding.UTF8.GetBytes(markup.ToString());
        response.ContentLength = bytes.Length;
        if (!HttpMethods.IsHead(http.Request.Method))
        {
            await response.Body.WriteAsync(bytes, http.RequestAborted);
        }
    }
}
