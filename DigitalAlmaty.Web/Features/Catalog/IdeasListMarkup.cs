using System.Text;
using System.Text.Encodings.Web;
using DigitalAlmaty.Domain.Ideas;
using DigitalAlmaty.Domain.Participation;
using DigitalAlmaty.Domain.Submissions;
using DigitalAlmaty.Web.Features.Submissions;
using DigitalAlmaty.Web.Resources;
using Microsoft.Extensions.Localization;

namespace DigitalAlmaty.Web.Features.Catalog;

/// <summary>
/// The /ideas page (its head tags and its body inside the layout), written once for both ways it is
/// produced: the Blazor page renders it as markup for signed-in readers, and <see cref="DirectPublicPages"/>
/// writes it for anonymous readers without the component renderer.
/// </summary>
public sealed class IdeasListMarkup(
    HtmlEncoder html, SubmissionMessages messages, IStringLocalizer<CatalogText> c, IStringLocalizer<SharedText> t, IStringLocalizer<ParticipationText> p)
{
    public string Title => c["Ideas.Title"] + " — " + t["Site.Name"];

    /// <summary>The page's own tags after its title: the feed and the description.</summary>
    public void WriteHead(StringBuilder markup) =>
        markup.Append("<link rel=\"alternate\" type=\"application/atom+xml\" title=\"").Append(html.Encode(c["List.Feed"]))
            .Append("\" href=\"feeds/ideas.atom\" />\n<meta name=\"description\" content=\"").Append(html.Encode(c["Ideas.Lead"])).Append("\" />");

    public void WriteBody(StringBuilder markup, IdeasListQuery query, CatalogPage<IdeaCard> page)
    {
        string E(string text) => html.Encode(text);
        var (category, sort, after, tag, status) = query;
        markup.Append("<section class=\"page-wide catalog\"><div class=\"catalog__head\"><div><h1>").Append(E(c["Ideas.Title"]))
            .Append("</h1>\n<p class=\"lead\">").Append(E(c["Ideas.Lead"])).Append("</p></div>\n")
            .Append("<a class=\"button button--primary\" href=\"").Append(Submissions.SubmissionRoutes.New(SubmissionKind.Idea)).Append("\">").Append(E(c["Ideas.Propose"])).Append("</a></div>\n");

        markup.Append("<nav class=\"chips\" aria-label=\"").Append(E(c["List.Filters"])).Append("\">");
        Chip(markup, IdeasListQuery.Link(null, sort, tag: tag, status: status), c["Ideas.AllCategories"], category is null);
        foreach (var code in IdeaCategories.All)
        {
            Chip(markup, IdeasListQuery.Link(code, sort, tag: tag, status: status), messages.Category(code), category == code);
        }

        markup.Append("</nav>\n<nav class=\"chips chips--status\" aria-label=\"").Append(E(p["Status.Filter"])).Append("\" data-testid=\"status-filter\">");
        Chip(markup, IdeasListQuery.Link(category, sort, tag: tag), p["Status.Any"], status is null);
        foreach (var each in Enum.GetValues<CityStatus>())
        {
            Chip(markup, IdeasListQuery.Link(category, sort, tag: tag, status: each), p["Status." + each], status == each);
        }

        markup.Append("</nav>\n");
        if (tag is not null)
        {
            markup.Append("<p class=\"tag-filter\" data-testid=\"tag-filter\">").Append(E(c["Ideas.TaggedWith", tag]))
                .Append(" <a href=\"").Append(E(IdeasListQuery.Link(category, sort, status: status))).Append("\">").Append(E(c["Ideas.AllTags"])).Append("</a></p>\n");
        }

        markup.Append("<p class=\"sort-links\">");
        SortLink(markup, query, IdeaSort.Newest, c["Ideas.SortNewest"]);
        SortLink(markup, query, IdeaSort.Support, p["Support.Sort"]);
        SortLink(markup, query, IdeaSort.Title, c["Ideas.SortTitle"]);
        markup.Append("<a href=\"feeds/ideas.atom\" class=\"feed-link\">").Append(E(c["List.Feed"])).Append("</a></p>\n");

        if (page.Items.Count == 0)
        {
            markup.Append("<p class=\"empty-state\">").Append(E(c["Ideas.Empty"])).Append("</p>\n");
        }
        else
        {
            IdeaCardList.Write(markup, page.Items, html, messages, c, p);
            markup.Append('\n');
        }

        markup.Append("<nav class=\"pager\" aria-label=\"").Append(E(c["List.Next"])).Append("\">");
        if (after is not null)
        {
            markup.Append("<a href=\"").Append(E(IdeasListQuery.Link(category, sort, tag: tag, status: status))).Append("\">").Append(E(c["List.First"])).Append("</a>\n");
        }

        if (page.NextCursor is not null)
        {
            markup.Append("<a class=\"button button--secondary\" href=\"").Append(E(IdeasListQuery.Link(category, sort, page.NextCursor, tag, status)))
                .Append("\" rel=\"next\">").Append(E(c["List.Next"])).Append("</a>");
        }

        markup.Append("</nav></section>");
    }

    private void SortLink(StringBuilder markup, IdeasListQuery query, IdeaSort sort, string text) =>
        Current(markup.Append("<a href=\"").Append(html.Encode(IdeasListQuery.Link(query.Category, sort, tag: query.Tag, status: query.Status))).Append('"'), query.Sort == sort)
            .Append('>').Append(html.Encode(text)).Append("</a>\n");

    private void Chip(StringBuilder markup, string href, string text, bool on) =>
        Current(markup.Append("<a href=\"").Append(html.Encode(href)).Append("\" class=\"chip").Append(on ? " chip--on\"" : "\""), on)
            .Append('>').Append(html.Encode(text)).Append("</a>");

    private static StringBuilder Current(StringBuilder markup, bool current) =>
        current ? markup.Append(" aria-current=\"true\"") : markup;
}
