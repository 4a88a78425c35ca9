using AngleSharp.Dom;
using Ganss.Xss;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace DigitalAlmaty.Web.Components.Shared;

/// <summary>
/// The one place Markdown becomes HTML: Markdig renders, HtmlSanitizer removes anything that could
/// run script or restyle the page. Editors' previews and public pages use the same instance.
/// </summary>
/// <remarks>
/// Authors choose no attributes: Markdig's generic attributes (<c>{#id .class}</c>) and custom
/// containers (<c>:::class</c>) are not enabled, every class is removed, and the ids Markdig makes
/// itself (headings, footnotes) are moved under <see cref="IdPrefix"/>, so a heading called
/// "site-header" cannot collide with the site's own elements. Images load only from the portal's own
/// <c>/files/{id}</c>; any other image becomes a link with its alt text, so nobody's browser (a
/// moderator's least of all) fetches an address an author chose before the text is approved.
/// A document of numbered clauses (the user agreement, <see cref="ToSafeClauseHtml"/>) is structured
/// by <see cref="NumberedClauses"/>, and only there do ids that are a clause's number (digits and dots)
/// stay unprefixed, so that <c>/agreement/versions/3#4.1.4</c> reaches its clause.
/// </remarks>
public sealed class MarkdownRenderer
{
    /// <summary>The namespace of every id in rendered Markdown (GitHub's choice as well).</summary>
    public const string IdPrefix = "user-content-";

    private const string FilesPath = "/files/";

    private readonly MarkdownPipeline _pipeline = new MarkdownPipelineBuilder()
        .UseAbbreviations()
        .UseAutoIdentifiers()
        .UseCitations()
        .UseDefinitionLists()
        .UseEmphasisExtras()
        .UseFigures()
        .UseFooters()
        .UseFootnotes()
        .UseGridTables()
        .UsePipeTables()
        .UseListExtras()
        .UseTaskLists()
        .UseAutoLinks()
        .DisableHtml()
        .Build();

    private readonly HtmlSanitizer _sanitizer = CreateSanitizer(keepClauseIds: false);

    private readonly HtmlSanitizer _clauseSanitizer = CreateSanitizer(keepClauseIds: true);

    public string ToSafeHtml(string? markdown) => Render(markdown, numberedClauses: false);

    /// <summary>A document of numbered clauses: each clause a paragraph with its number as id, each section title a heading.</summary>
    public string ToSafeClauseHtml(string? markdown) => Render(markdown, numberedClauses: true);

    private string Render(string? markdown, bool numberedClauses)
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return string.Empty;
        }

        var document = Markdown.Parse(markdown, _pipeline);
        foreach (var image in document.Descendants<LinkInline>().Where(l => l.IsImage && !IsPortalFile(l.Url)).ToList())
        {
            TurnIntoLink(image);
        }

        if (numberedClauses)
        {
            NumberedClauses.Apply(document);
        }

        return (numberedClauses ? _clauseSanitizer : _sanitizer).Sanitize(document.ToHtml(_pipeline));
    }

    /// <summary>A path of the portal's own file endpoint, <c>/files/{guid}</c>, and nothing else.</summary>
    public static bool IsPortalFile(string? url) =>
        url is not null
        && url.StartsWith(FilesPath, StringComparison.Ordinal)
        && Guid.TryParse(url.AsSpan(FilesPath.Length), out _);

    private static void TurnIntoLink(LinkInline image)
    {
        image.IsImage = false;
        if (image.FirstChild is null)
        {
            // No alt text: the address itself is the link's text.
            image.AppendChild(new LiteralInline(image.Url ?? string.Empty));
        }
    }

    private static HtmlSanitizer CreateSanitizer(bool keepClauseIds)
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedSchemes.Clear();
        sanitizer.AllowedSchemes.Add("http");
        sanitizer.AllowedSchemes.Add("https");
        sanitizer.AllowedSchemes.Add("mailto");
        sanitizer.AllowedAttributes.Add("id");
        sanitizer.AllowedAttributes.Remove("class");
        sanitizer.AllowedAttributes.Remove("style");
        sanitizer.AllowedCssProperties.Clear();
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is not IElement element)
            {
                return;
            }

            // Whatever reached this point, an image from anywhere but the portal's files does not load.
            if (element is AngleSharp.Html.Dom.IHtmlImageElement && !IsPortalFile(element.GetAttribute("src")))
            {
                element.RemoveAttribute("src");
                element.RemoveAttribute("srcset");
            }

            element.RemoveAttribute("class");
            if (element.GetAttribute("id") is { } id && !(keepClauseIds && NumberedClauses.IsClauseId(id)))
            {
                element.SetAttribute("id", IdPrefix + id);
            }

            if (element is AngleSharp.Html.Dom.IHtmlAnchorElement anchor)
            {
                if (anchor.GetAttribute("href") is { Length: > 1 } href && href[0] == '#')
                {
                    if (!(keepClauseIds && NumberedClauses.IsClauseId(href[1..])))
                    {
                        anchor.SetAttribute("href", "#" + IdPrefix + href[1..]);
                    }
                }
                else if (anchor.HostName is { Length: > 0 })
                {
                    anchor.SetAttribute("rel", "nofollow noopener");
                }
            }
        };
        return sanitizer;
    }
}
