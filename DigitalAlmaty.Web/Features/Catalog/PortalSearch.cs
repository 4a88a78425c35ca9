using System.Text;
using System.Text.RegularExpressions;
using DigitalAlmaty.Domain.Submissions;
using DigitalAlmaty.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace DigitalAlmaty.Web.Features.Catalog;

/// <summary>A piece of a title or snippet; <see cref="Marked"/> pieces matched the query.</summary>
public readonly record struct TextRun(string Text, bool Marked);

public sealed record SearchHit(Guid Id, SubmissionKind Kind, IReadOnlyList<TextRun> Title, IReadOnlyList<TextRun> Snippet)
{
    public string Path => Kind == SubmissionKind.Idea ? $"ideas/{Id}" : $"events/{Id}";
}

/// <param name="TotalIsAtLeast">Total is a lower bound: more items match than were looked at (PostgreSQL, very common words).</param>
public sealed record SearchResults(IReadOnlyList<SearchHit> Hits, int Total, int Page, bool HasNext, bool TotalIsAtLeast = false)
{
    public static SearchResults None { get; } = new([], 0, 1, false);
}

/// <summary>
/// Full-text search over published ideas and events (clause 2.1.2): FTS5 on SQLite, a tsvector
/// column on PostgreSQL (both created by the providers' "Search" migrations). Whatever a reader
/// types is reduced to plain words first (<see cref="SearchQuery"/>), so no query syntax of either
/// engine ever reaches it. On SQLite titles and snippets come back with marker strings around the
/// matches and are split into <see cref="TextRun"/>s here; on PostgreSQL the page's texts come back
/// plain and <see cref="SearchHighlighter"/> marks them. The page renders each run as encoded text,
/// so HTML in user text stays text.
/// </summary>
public sealed class PortalSearch(IDbContextFactory<PortalDbContext> databases)
{
    public const int PageSize = 20;

    /// <summary>Deeper pages are not offered: a ranked list is read from the top.</summary>
    public const int MaxPage = 50;

    /// <summary>A query matching more items ranks the most recent this many (SQLite: indexed).</summary>
    internal const int RankedMatches = 2000;

    /// <summary>
    /// PostgreSQL ranks the newest this many matches (10 pages) and counts no further: finding them
    /// walks the publication-time index and stops there, where counting every match visited the
    /// table row of each (a word in one idea in six at 100k: 16,667 rows, p95 180 ms).
    /// </summary>
    internal const int PostgresRankedMatches = 200;

    internal const string StartMarker = "[[[";
    internal const string StopMarker = "]]]";

    public async Task<SearchResults> SearchAsync(string? text, int page = 1, CancellationToken cancellation = default)
    {
        var query = SearchQuery.Parse(text);
        if (query.IsEmpty)
        {
            return SearchResults.None;
        }

        page = Math.Clamp(page, 1, MaxPage);
        var skip = (page - 1) * PageSize;
        var take = PageSize + 1;
        await using var db = await databases.CreateDbContextAsync(cancellation);
        List<SearchRow> rows;
        int total;
        var atLeast = false;
        // SQLite marks the matches in the texts it returns; PostgreSQL returns them plain.
        Func<string?, IReadOnlyList<TextRun>> title = Runs, snippet = Runs;
        if (db.Database.IsNpgsql())
        {
            // The newest PostgresRankedMatches + 1 matches, per kind newest first and merged: for a
            // common word PostgreSQL walks the (Kind, Status, PublishedAt, Id) index and stops after
            // that many matches; for a rare one it takes them from the GIN index (its estimate of the
            // word's frequency picks the plan). One more than is ranked tells "more than" from
            // "exactly"; that one is neither ranked nor shown.
            // Each is ranked as it is found (no second visit of its row). The page's rows come back as
            // text and are highlighted here (SearchHighlighter), not by ts_headline.
            var tsquery = query.ToTsQuery();
            var limit = PostgresRankedMatches + 1;
            rows = await db.Database.SqlQuery<SearchRow>($"""
                WITH matches AS (
                    SELECT u."Id", u."PublishedAt", u."Rank", count(*) OVER ()::int AS "Total",
                           row_number() OVER (ORDER BY u."PublishedAt" DESC, u."Id" DESC) AS "Newest"
                    FROM (
                        (SELECT s."Id", s."PublishedAt", ts_rank(s."SearchVector", to_tsquery('simple', {tsquery})) AS "Rank" FROM "Submissions" AS s
                         WHERE s."Kind" = 'Idea' AND s."Status" = 'Published' AND s."SearchVector" @@ to_tsquery('simple', {tsquery})
                         ORDER BY s."PublishedAt" DESC, s."Id" DESC LIMIT {limit})
                        UNION ALL
                        (SELECT s."Id", s."PublishedAt", ts_rank(s."SearchVector", to_tsquery('simple', {tsquery})) AS "Rank" FROM "Submissions" AS s
                         WHERE s."Kind" = 'Event' AND s."Status" = 'Published' AND s."SearchVector" @@ to_tsquery('simple', {tsquery})
                         ORDER BY s."PublishedAt" DESC, s."Id" DESC LIMIT {limit})
                    ) AS u
                    ORDER BY u."PublishedAt" DESC, u."Id" DESC
                    LIMIT {limit}
                ), ranked AS (
                    SELECT m."Id", m."PublishedAt", m."Total", m."Rank"
                    FROM matches AS m
                    WHERE m."Newest" <= {PostgresRankedMatches}
                    ORDER BY m."Rank" DESC, m."PublishedAt" DESC, m."Id"
                    LIMIT {take} OFFSET {skip}
                )
                SELECT r."Id", s."Kind", r."Total", s."Title",
                       concat_ws(E'\n', nullif(s."Summary", ''), nullif(s."Goal", ''), nullif(s."Tasks", ''), nullif(s."CityBenefit", ''),
                                 nullif(s."PriorImplementations", ''), nullif(s."Description", ''), nullif(s."Organiser", '')) AS "Snippet"
                FROM ranked AS r JOIN "Submissions" AS s ON s."Id" = r."Id"
                ORDER BY r."Rank" DESC, r."PublishedAt" DESC, r."Id"
                """).ToListAsync(cancellation);

            // A page past the last result has no rows to carry the count.
            var found = rows.Count > 0 ? rows[0].Total : skip == 0 ? 0 : await db.Database.SqlQuery<int>($"""
                SELECT count(*)::int AS "Value" FROM (
                    SELECT 1 FROM "Submissions" AS s
                    WHERE s."Status" = 'Published' AND s."SearchVector" @@ to_tsquery('simple', {tsquery})
                    LIMIT {limit}) AS m
                """).SingleAsync(cancellation);
            atLeast = found > PostgresRankedMatches;
            total = Math.Min(found, PostgresRankedMatches);
            title = text => SearchHighlighter.All(text, query);
            snippet = text => SearchHighlighter.Snippet(text, query);
        }
        else if (db.Database.IsSqlite())
        {
            // Everything is driven from the FTS5 table: it holds published rows only (its triggers),
            // so neither the count nor the ranking touches Submissions; a join there costs a random
            // lookup per match (about 200 ms for 17,000 matches at 100k ideas). "ORDER BY rank" with the
            // ranking given as "rank MATCH" lets FTS5 sort by bm25 itself and call highlight() and
            // snippet() for the returned page only (ordering by a bm25() column instead evaluates
            // every result column before the sort, and a second lookup of the page rows re-runs the
            // full-text query, prefix expansion included, once per row). When a query matches more
            // than RankedMatches items, the most recently indexed ones are ranked (a
            // rowid range, which FTS5 seeks): bm25 over every match grows with the matches, and only
            // MaxPage pages are offered anyway. The count stays exact (it reads doclists only).
            var match = query.ToFts5();
            total = await db.Database.SqlQuery<int>($"""
                SELECT count(*) AS "Value" FROM "SubmissionSearch" WHERE "SubmissionSearch" MATCH {match}
                """).SingleAsync(cancellation);
            var floor = total <= RankedMatches ? 0 : await db.Database.SqlQuery<long>($"""
                SELECT rowid AS "Value" FROM "SubmissionSearch" WHERE "SubmissionSearch" MATCH {match}
                ORDER BY rowid DESC LIMIT 1 OFFSET {RankedMatches - 1}
                """).SingleAsync(cancellation);
            rows = total == 0 ? [] : await db.Database.SqlQuery<SearchRow>($"""
                SELECT s."Id" AS "Id", s."Kind" AS "Kind", p."Title" AS "Title", p."Snippet" AS "Snippet", 0 AS "Total"
                FROM (
                    SELECT "Id", rowid AS "Row", rank AS "Rank",
                           highlight("SubmissionSearch", 1, '[[[', ']]]') AS "Title",
                           snippet("SubmissionSearch", 2, '[[[', ']]]', ' … ', 24) AS "Snippet"
                    FROM "SubmissionSearch"
                    WHERE "SubmissionSearch" MATCH {match} AND rank MATCH 'bm25(0.0, 8.0, 1.0)' AND rowid >= {floor}
                    ORDER BY rank
                    LIMIT {take} OFFSET {skip}
                ) AS p
                JOIN "Submissions" AS s ON s."Id" = p."Id"
                WHERE s."Status" = 'Published'
                ORDER BY p."Rank", p."Row"
                """).ToListAsync(cancellation);
        }
        else
        {
            throw new NotSupportedException($"Search is not implemented for {db.Database.ProviderName}.");
        }

        var hits = rows.Take(PageSize)
            .Select(r => new SearchHit(r.Id, Enum.Parse<SubmissionKind>(r.Kind), title(r.Title), snippet(r.Snippet)))
            .ToList();
        return new SearchResults(hits, total, page, rows.Count > PageSize && page < MaxPage, atLeast);
    }

    /// <summary>
    /// Splits text carrying the engine's markers into runs. Markers that do not pair up (a user may
    /// type "[[[" too) never produce broken output: an unmatched stop is dropped, an open run ends
    /// with the text.
    /// </summary>
    internal static IReadOnlyList<TextRun> Runs(string? marked)
    {
        var runs = new List<TextRun>();
        if (string.IsNullOrEmpty(marked))
        {
            return runs;
        }

        var open = false;
        var current = new StringBuilder();
        for (var i = 0; i < marked.Length;)
        {
            var marker = !open && string.CompareOrdinal(marked, i, StartMarker, 0, StartMarker.Length) == 0 ? StartMarker
                : open && string.CompareOrdinal(marked, i, StopMarker, 0, StopMarker.Length) == 0 ? StopMarker
                : null;
            if (marker is null)
            {
                current.Append(marked[i]);
                i++;
                continue;
            }

            if (current.Length > 0)
            {
                runs.Add(new TextRun(current.ToString(), open));
                current.Clear();
            }

            open = !open;
            i += marker.Length;
        }

        if (current.Length > 0)
        {
            runs.Add(new TextRun(current.ToString(), open));
        }

        return runs;
    }

    private sealed class SearchRow
    {
        public Guid Id { get; set; }

        public string Kind { get; set; } = string.Empty;

        public string? Title { get; set; }

        public string? Snippet { get; set; }

        /// <summary>PostgreSQL: the matches found, up to one past those ranked (SQLite counts separately).</summary>
        public int Total { get; set; }
    }
}

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
