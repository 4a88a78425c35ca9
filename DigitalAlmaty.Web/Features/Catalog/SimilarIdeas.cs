using DigitalAlmaty.Domain.Participation;
using DigitalAlmaty.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace DigitalAlmaty.Web.Features.Catalog;

/// <summary>
/// Published ideas that look like a title and summary being written, through the portal's full-text
/// search (FTS5 on SQLite, tsvector on PostgreSQL): any of the text's longer words, best matches first.
/// An author sees them while typing and supports an existing idea instead of filing it again; a
/// moderator sees them beside the idea under review.
/// </summary>
public sealed class SimilarIdeas(IDbContextFactory<PortalDbContext> databases)
{
    public const int Limit = 5;

    /// <summary>Words shorter than this (prepositions, conjunctions) say nothing about an idea.</summary>
    public const int MinWordLength = 4;

    public async Task<IReadOnlyList<SimilarIdea>> FindAsync(string? title, string? summary, Guid? except = null, CancellationToken cancellation = default)
    {
        var words = SearchQuery.Parse($"{title} {summary}").Terms.Where(t => t.Length >= MinWordLength).ToList();
        if (words.Count == 0)
        {
            return [];
        }

        var exclude = except ?? Guid.Empty;
        await using var db = await databases.CreateDbContextAsync(cancellation);
        List<Row> rows;
        if (db.Database.IsNpgsql())
        {
            var query = string.Join(" | ", words.Select(w => "'" + w.Replace("'", "''", StringComparison.Ordinal).Replace("\\", "\\\\", StringComparison.Ordinal) + "'"));
            rows = await db.Database.SqlQuery<Row>($"""
                SELECT s."Id", s."Title", s."CityStatus", coalesce(s."SupportCount", 0) AS "SupportCount"
                FROM "Submissions" AS s
                WHERE s."Kind" = 'Idea' AND s."Status" = 'Published' AND s."Id" <> {exclude}
                  AND s."SearchVector" @@ to_tsquery('simple', {query})
                ORDER BY ts_rank(s."SearchVector", to_tsquery('simple', {query})) DESC, s."PublishedAt" DESC
                LIMIT {Limit}
                """).ToListAsync(cancellation);
        }
        else
        {
            var match = string.Join(" OR ", words.Select(w => "\"" + w.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""));
            var excluded = exclude.ToString().ToUpperInvariant();
            rows = await db.Database.SqlQuery<Row>($"""
                SELECT s."Id", s."Title", s."CityStatus", coalesce(s."SupportCount", 0) AS "SupportCount"
                FROM (
                    SELECT "Id", rank AS "Rank" FROM "SubmissionSearch"
                    WHERE "SubmissionSearch" MATCH {match} AND rank MATCH 'bm25(0.0, 8.0, 1.0)'
                    ORDER BY rank LIMIT 50
                ) AS m
                JOIN "Submissions" AS s ON s."Id" = m."Id"
                WHERE s."Kind" = 'Idea' AND s."Status" = 'Published' AND upper(s."Id") <> {excluded}
                ORDER BY m."Rank"
                LIMIT {Limit}
                """).ToListAsync(cancellation);
        }

        return rows.Select(r => new SimilarIdea(r.Id, r.Title, Enum.TryParse<CityStatus>(r.CityStatus, out var status) ? status : null, r.SupportCount)).ToList();
    }

    private sealed class Row
    {
        public Guid Id { get; set; }

        public string Title { get; set; } = string.Empty;

        public string? CityStatus { get; set; }

        public int SupportCount { get; set; }
    }
}
