using System.Text;
using DigitalAlmaty.Domain.Submissions;
using DigitalAlmaty.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace DigitalAlmaty.Web.Features.Catalog;

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
