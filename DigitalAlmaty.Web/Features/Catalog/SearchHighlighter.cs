using System.Text.RegularExpressions;

namespace DigitalAlmaty.Web.Features.Catalog;

/// <summary>
/// Marks a query's words in a title or a snippet of a text, for the PostgreSQL search. It replaces
/// <c>ts_headline</c>, which parsed the whole text of every row of the page inside the database and
/// was about 40 % of a common word's query time there. Words are found as <see cref="SearchQuery"/>
/// finds them: a word matches a term when equal to it, ignoring case, or starts with it when the
/// term is the query's prefix term.
/// </summary>
internal static partial class SearchHighlighter
{
    /// <summary>Words on each side of a match in a fragment.</summary>
    private const int Context = 7;

    /// <summary>Every word of <paramref name="text"/> that matches is marked (titles).</summary>
    public static IReadOnlyList<TextRun> All(string? text, SearchQuery query)
    {
        if (string.IsNullOrEmpty(text))
        {
            return [];
        }

        var words = SearchQuery.Words.Matches(text);
        return Runs(text, words, 0, words.Count - 1, query);
    }

    /// <summary>
    /// Up to <paramref name="fragments"/> passages around the matches, joined with " … "; the start
    /// of the text (at most <paramref name="maxWords"/> words) when no word matches.
    /// </summary>
    public static IReadOnlyList<TextRun> Snippet(string? text, SearchQuery query, int maxWords = 35, int fragments = 2)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        var words = SearchQuery.Words.Matches(text);
        if (words.Count == 0)
        {
            return [];
        }

        var windows = new List<(int First, int Last, int Matches)>();
        for (var i = 0; i < words.Count; i++)
        {
            if (!Matches(words[i].Value, query))
            {
                continue;
            }

            var first = Math.Max(0, i - Context);
            var last = Math.Min(words.Count - 1, i + Context);
            if (windows.Count > 0 && first <= windows[^1].Last + 1)
            {
                var merged = windows[^1];
                windows[^1] = (merged.First, Math.Min(last, merged.First + maxWords - 1), merged.Matches + 1);
            }
            else
            {
                windows.Add((first, last, 1));
            }
        }

        if (windows.Count == 0)
        {
            var end = Math.Min(words.Count, maxWords) - 1;
            var start = Runs(text, words, 0, end, query);
            return end < words.Count - 1 ? [.. start, new TextRun(" …", false)] : start;
        }

        var chosen = windows
            .Select((window, order) => (window, order))
            .OrderByDescending(w => w.window.Matches).ThenBy(w => w.order)
            .Take(fragments)
            .OrderBy(w => w.order)
            .Select(w => w.window)
            .ToList();
        var runs = new List<TextRun>();
        foreach (var (first, last, _) in chosen)
        {
            if (runs.Count > 0)
            {
                runs.Add(new TextRun(" … ", false));
            }

            runs.AddRange(Runs(text, words, first, last, query));
        }

        return runs;
    }

    private static bool Matches(string word, SearchQuery query)
    {
        for (var t = 0; t < query.Terms.Count; t++)
        {
            var term = query.Terms[t];
            if (query.IsPrefix(t)
                ? word.StartsWith(term, StringComparison.OrdinalIgnoreCase)
                : word.Equals(term, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The text from word <paramref name="first"/> to word <paramref name="last"/>, matches marked.</summary>
    private static List<TextRun> Runs(string text, MatchCollection words, int first, int last, SearchQuery query)
    {
        var runs = new List<TextRun>();
        var plainFrom = words[first].Index;
        for (var i = first; i <= last; i++)
        {
            var word = words[i];
            if (!Matches(word.Value, query))
            {
                continue;
            }

            if (word.Index > plainFrom)
            {
                runs.Add(new TextRun(Flatten(text[plainFrom..word.Index]), false));
            }

            runs.Add(new TextRun(word.Value, true));
            plainFrom = word.Index + word.Length;
        }

        var end = words[last].Index + words[last].Length;
        if (end > plainFrom)
        {
            runs.Add(new TextRun(Flatten(text[plainFrom..end]), false));
        }

        return runs;
    }

    /// <summary>Line breaks between the text's fields read as spaces in one snippet line.</summary>
    private static string Flatten(string text) => text.Contains('\n', StringComparison.Ordinal) ? LineBreaks().Replace(text, " ") : text;

    [GeneratedRegex(@"\s*\n\s*", RegexOptions.CultureInvariant)]
    private static partial Regex LineBreaks();
}
