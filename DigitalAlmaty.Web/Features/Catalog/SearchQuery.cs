using System.Text.RegularExpressions;

namespace DigitalAlmaty.Web.Features.Catalog;

/// <summary>
/// A reader's query reduced to plain words: runs of letters and digits (any script; combining marks
/// stay with their letter). Everything else — quotes, operators, parentheses, *, -, NEAR, SQL — is a
/// separator, and words such as OR or NEAR are searched as words. At most <see cref="MaxTerms"/>
/// words of at most <see cref="MaxTermLength"/> characters are kept. The words go to the database as
/// a parameter, each quoted in the engine's syntax, all required, the last one as a prefix (the
/// reader may still be typing it, and there is no stemming) unless it is a single character: a
/// one-letter prefix expands to a large share of the vocabulary and costs more than it finds.
/// </summary>
public sealed partial class SearchQuery
{
    public const int MaxTerms = 8;
    public const int MaxTermLength = 64;
    public const int MaxInputLength = 500;
    public const int MinPrefixLength = 2;

    private SearchQuery(IReadOnlyList<string> terms) => Terms = terms;

    public IReadOnlyList<string> Terms { get; }

    public bool IsEmpty => Terms.Count == 0;

    public static SearchQuery Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return new SearchQuery([]);
        }

        var input = text.Length > MaxInputLength ? text[..MaxInputLength] : text;
        var terms = Word().Matches(input)
            .Select(m => m.Value.Length > MaxTermLength ? m.Value[..MaxTermLength] : m.Value)
            .Select(t => t.ToLowerInvariant())
            .Distinct(StringComparer.Ordinal)
            .Take(MaxTerms)
            .ToList();
        return new SearchQuery(terms);
    }

    /// <summary>FTS5: <c>"word" "word" "last"*</c> — an implicit AND of quoted strings.</summary>
    public string ToFts5() => string.Join(' ', Terms.Select((t, i) =>
        "\"" + t.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" + (IsPrefix(i) ? "*" : string.Empty)));

    /// <summary>PostgreSQL <c>to_tsquery</c>: <c>'word' &amp; 'last':*</c> — quoted lexemes joined with AND.</summary>
    public string ToTsQuery() => string.Join(" & ", Terms.Select((t, i) =>
        "'" + t.Replace("'", "''", StringComparison.Ordinal).Replace("\\", "\\\\", StringComparison.Ordinal) + "'" + (IsPrefix(i) ? ":*" : string.Empty)));

    internal bool IsPrefix(int index) => index == Terms.Count - 1 && Terms[index].Length >= MinPrefixLength;

    /// <summary>What counts as a word, in queries and in highlighted text.</summary>
    internal static Regex Words => Word();

    [GeneratedRegex(@"[\p{L}\p{N}][\p{L}\p{N}\p{M}]*", RegexOptions.CultureInvariant)]
    private static partial Regex Word();
}
