using System.Text;
using System.Text.Encodings.Web;
using DigitalAlmaty.Domain.Submissions;
using DigitalAlmaty.Web.Components.Shared;
using DigitalAlmaty.Web.Features.Submissions;
using DigitalAlmaty.Web.Resources;
using Microsoft.Extensions.Localization;

namespace DigitalAlmaty.Web.Features.Catalog;

/// <summary>
/// The cards of the public ideas list written as pre-encoded markup, part of <see cref="IdeasListMarkup"/>.
/// /ideas is the portal's busiest page; written as Razor markup its twenty cards were about 500
/// render-tree frames to build, diff and write on every uncached request. Encoded by the encoder
/// the renderer uses (the site's <see cref="HtmlEncoder"/>).
/// </summary>
public static class IdeaCardList
{
    public static void Write(
        StringBuilder markup, IReadOnlyList<IdeaCard> ideas, HtmlEncoder html, SubmissionMessages messages, IStringLocalizer<CatalogText> text,
        IStringLocalizer<ParticipationText> participation)
    {
        var tagsLabel = html.Encode(text["Ideas.Tags"]);
        markup.Append("<ul class=\"card-list\">");
        foreach (var idea in ideas)
        {
            markup.Append("<li class=\"item-card\"><p class=\"item-card__meta\">").Append(html.Encode(messages.Category(idea.Category)))
                .Append(" · <time datetime=\"").Append(LocalTime.Machine(idea.PublishedAt))
                .Append("\">").Append(html.Encode(LocalTime.Text(idea.PublishedAt, dateOnly: true))).Append("</time></p>")
                .Append("<h2><a href=\"").Append(Submissions.SubmissionRoutes.Item(SubmissionKind.Idea, idea.Id)).Append("\">").Append(html.Encode(idea.Title)).Append("</a></h2>")
                .Append("<p>").Append(html.Encode(idea.Summary)).Append("</p>")
                .Append("<p class=\"item-card__meta\">").Append(html.Encode(text["Ideas.By", PublicCatalog.AuthorName(text, idea.AuthorName)])).Append("</p>")
                .Append("<p class=\"item-card__standing\">");
            if (idea.CityStatus is { } status)
            {
                markup.Append("<span class=\"status-badge status-badge--").Append(Participation.CityStatusSlugs.Of(status)).Append("\">")
                    .Append(html.Encode(participation["Status." + status])).Append("</span> ");
            }

            markup.Append("<span class=\"support-count\">").Append(html.Encode(participation["Support.Count", idea.SupportCount])).Append("</span></p>");
            if (idea.Tags.Count > 0)
            {
                markup.Append("<ul class=\"tag-list tag-list--links\" aria-label=\"").Append(tagsLabel).Append("\">");
                foreach (var tag in idea.Tags)
                {
                    markup.Append("<li><a href=\"").Append(html.Encode(TagLink(tag))).Append("\">").Append(html.Encode(tag)).Append("</a></li>");
                }

                markup.Append("</ul>");
            }

            markup.Append("</li>");
        }

        markup.Append("</ul>");
    }

    /// <summary>The list filtered by one tag.</summary>
    private static string TagLink(string tag) => "ideas?tag=" + UrlEncoder.Default.Encode(tag);
}
