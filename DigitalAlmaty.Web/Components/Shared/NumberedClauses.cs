using System.Text.RegularExpressions;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace DigitalAlmaty.Web.Components.Shared;

/// <summary>
/// Gives a document made of numbered clauses (the user agreement) its structure after Markdig has
/// parsed it: every clause (<c>1.2.</c>, <c>4.1.4.</c>) becomes a paragraph of its own whose id is its
/// number, and a section title (<c>1. Общие положения</c>) becomes a heading with the section's number.
/// </summary>
/// <remarks>
/// Works on the syntax tree, not on the text or the HTML, so a version stored as plain text (where
/// clauses follow each other line by line and Markdig would join them into one paragraph, and a title
/// reads as a one-item ordered list) and one written in Markdown (<c>## 1. …</c>) render alike, and
/// stored versions stay as they were published. Ids are only ever digits and dots
/// (<see cref="IsClauseId"/>); the renderer's sanitiser lets nothing else through unprefixed.
/// </remarks>
public static partial class NumberedClauses
{
    private const int TitleMaxLength = 120;

    private static readonly Markdig.Parsers.HeadingBlockParser HeadingParser = new();

    /// <summary>A clause's number as an id: digits separated by single dots, e.g. <c>4.1.4</c>.</summary>
    public static bool IsClauseId(string? id) => id is { Length: > 0 and <= 40 } && ClauseId().IsMatch(id);

    /// <summary>Restructures the parsed document in place; without numbered clauses only numbered headings are touched.</summary>
    public static void Apply(MarkdownDocument document)
    {
        if (document.Descendants<ParagraphBlock>().Any(p => LineStarts(p).Any(l => ClauseNumber(l) is not null)))
        {
            foreach (var list in document.Descendants<ListBlock>().Where(l => l.Parent is MarkdownDocument && l.IsOrdered).ToList())
            {
                TitleFromList(list);
            }

            foreach (var paragraph in document.OfType<ParagraphBlock>().ToList())
            {
                Split(paragraph);
            }

            foreach (var paragraph in document.OfType<ParagraphBlock>().ToList())
            {
                JoinRunOn(paragraph);
            }
        }

        // Headings written in Markdown (## 4. …) are anchored by their number as well.
        foreach (var heading in document.Descendants<HeadingBlock>())
        {
            if (FirstText(heading.Inline) is { } text && SectionNumber(text) is { } number)
            {
                heading.GetAttributes().Id = number;
            }
        }

        // A number given twice (a slip in the text) anchors its first place only: ids stay unique.
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var block in document.Descendants<LeafBlock>())
        {
            if (block.TryGetAttributes() is { Id: { } id } attributes && IsClauseId(id) && !seen.Add(id))
            {
                attributes.Id = null;
            }
        }
    }

    /// <summary>
    /// An ordered list whose items open with a short title line holds section titles: a one-item list
    /// (the title stood alone), or a list whose every item runs on into a numbered clause (the titles
    /// and clauses had no blank lines between them). Any other list stays a list.
    /// </summary>
    private static void TitleFromList(ListBlock list)
    {
        var items = list.OfType<ListItemBlock>().ToList();
        if (items.Count == 0 || items.Count != list.Count || !items.All(item => Title(item) is not null)
            || (items.Count > 1 && !items.All(item => ((ParagraphBlock)item[0]).Inline!.FirstOrDefault(i => i is LineBreakInline)?.NextSibling is LiteralInline next
                && ClauseNumber(next.Content.ToString()) is not null)))
        {
            return;
        }

        var parent = list.Parent!;
        var at = parent.IndexOf(list);
        parent.RemoveAt(at);
        foreach (var item in items)
        {
            var inline = ((ParagraphBlock)item[0]).Inline!;
            var titleInlines = Title(item)!;
            var number = item.Order.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var heading = new HeadingBlock(HeadingParser) { Level = 2, HeaderChar = '#', Inline = new ContainerInline() };
            heading.Inline.AppendChild(new LiteralInline(number + ". "));
            foreach (var part in titleInlines)
            {
                part.Remove();
                heading.Inline.AppendChild(part);
            }

            heading.GetAttributes().Id = number;
            parent.Insert(at++, heading);

            // Lines that ran on after the title and any further blocks of the item follow it.
            item.RemoveAt(0);
            inline.FirstOrDefault(i => i is LineBreakInline)?.Remove();
            if (inline.FirstChild is not null)
            {
                var rest = new ParagraphBlock { Inline = new ContainerInline() };
                inline.TransferChildrenTo(rest.Inline);
                parent.Insert(at++, rest);
            }

            while (item.Count > 0)
            {
                var block = item[0];
                item.RemoveAt(0);
                parent.Insert(at++, block);
            }
        }
    }

    /// <summary>The inlines of a list item's first line when they read as a section title, else null.</summary>
    private static List<Inline>? Title(ListItemBlock item)
    {
        if (item.Count == 0 || item[0] is not ParagraphBlock { Inline: { } inline })
        {
            return null;
        }

        var titleInlines = inline.TakeWhile(i => i is not LineBreakInline).ToList();
        return IsTitle(string.Concat(titleInlines.Select(PlainText)).Trim()) ? titleInlines : null;
    }

    /// <summary>Cuts a paragraph before every line that opens a clause (or an all-capitals section title).</summary>
    private static void Split(ParagraphBlock paragraph)
    {
        var parent = paragraph.Parent!;
        var at = parent.IndexOf(paragraph);
        if (FirstText(paragraph.Inline) is { } opening && ClauseNumber(opening) is { } own)
        {
            paragraph.GetAttributes().Id = own;
        }

        foreach (var lineBreak in paragraph.Inline?.Where(i => i is LineBreakInline).ToList() ?? [])
        {
            if (lineBreak.NextSibling is not LiteralInline next)
            {
                continue;
            }

            var text = next.Content.ToString();
            LeafBlock piece;
            if (ClauseNumber(text) is { } number)
            {
                piece = new ParagraphBlock { Inline = new ContainerInline() };
                piece.GetAttributes().Id = number;
            }
            else if (CapitalTitleNumber(text, lineBreak) is { } section)
            {
                piece = new HeadingBlock(HeadingParser) { Level = 2, HeaderChar = '#', Inline = new ContainerInline() };
                piece.GetAttributes().Id = section;
            }
            else
            {
                continue;
            }

            Inline? move = next;
            lineBreak.Remove();
            while (move is not null)
            {
                var following = move.NextSibling;
                move.Remove();
                piece.Inline!.AppendChild(move);
                move = following;
            }

            parent.Insert(++at, piece);
        }
    }

    /// <summary>
    /// A paragraph that opens in lower case right after a clause is the clause's own text, cut off by a
    /// stray blank line (as text copied from a PDF often is): it rejoins the clause.
    /// </summary>
    private static void JoinRunOn(ParagraphBlock paragraph)
    {
        if (paragraph.Parent is not { } parent
            || parent.IndexOf(paragraph) is var at && at == 0
            || parent[at - 1] is not ParagraphBlock { Inline: { } clause } previous
            || !IsClauseId(previous.GetAttributes().Id)
            || FirstText(paragraph.Inline) is not { Length: > 0 } text
            || !char.IsLower(text[0]))
        {
            return;
        }

        clause.AppendChild(new LineBreakInline());
        paragraph.Inline!.TransferChildrenTo(clause);
        parent.Remove(paragraph);
    }

    private static string? CapitalTitleNumber(string line, Inline lineBreak)
    {
        // Only when the literal after the break is the whole line.
        if (lineBreak.NextSibling?.NextSibling is not (null or LineBreakInline) || SectionStart().Match(line) is not { Success: true } match)
        {
            return null;
        }

        var title = line[match.Length..].Trim();
        return IsTitle(title) && !title.Any(char.IsLower) ? match.Groups["n"].Value : null;
    }

    private static bool IsTitle(string title) =>
        title.Length is > 0 and <= TitleMaxLength && title.Any(char.IsLetter) && !".,;:".Contains(title[^1], StringComparison.Ordinal);

    private static IEnumerable<string> LineStarts(ParagraphBlock paragraph)
    {
        if (paragraph.Inline is null)
        {
            yield break;
        }

        if (FirstText(paragraph.Inline) is { } first)
        {
            yield return first;
        }

        foreach (var next in paragraph.Inline.Where(i => i is LineBreakInline).Select(i => i.NextSibling).OfType<LiteralInline>())
        {
            yield return next.Content.ToString();
        }
    }

    private static string? FirstText(ContainerInline? inline) => inline?.FirstChild is LiteralInline literal ? literal.Content.ToString() : null;

    private static string PlainText(Inline inline) => inline switch
    {
        LiteralInline literal => literal.Content.ToString(),
        CodeInline code => code.Content,
        ContainerInline container => string.Concat(container.Select(PlainText)),
        _ => string.Empty,
    };

    /// <summary>The number of a clause line, <c>4.1.4.</c> or <c>2.1.1</c>: at least two parts, then a space.</summary>
    private static string? ClauseNumber(string line) => ClauseStart().Match(line) is { Success: true } m ? m.Groups["n"].Value : null;

    /// <summary>The number a heading or title opens with: <c>4.</c>, <c>4.1.</c>.</summary>
    private static string? SectionNumber(string line) => SectionStart().Match(line) is { Success: true } m ? m.Groups["n"].Value : null;

    [GeneratedRegex(@"\A[0-9]{1,3}(\.[0-9]{1,3}){0,6}\z", RegexOptions.CultureInvariant)]
    private static partial Regex ClauseId();

    [GeneratedRegex(@"\A\s*(?<n>[0-9]{1,3}(\.[0-9]{1,3}){1,6})\.?\s", RegexOptions.CultureInvariant)]
    private static partial Regex ClauseStart();

    [GeneratedRegex(@"\A\s*(?<n>[0-9]{1,3}(\.[0-9]{1,3}){0,6})\.\s", RegexOptions.CultureInvariant)]
    private static partial Regex SectionStart();
}
