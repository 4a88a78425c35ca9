namespace DigitalAlmaty.Web.Features.Catalog;

/// <param name="TotalIsAtLeast">Total is a lower bound: more items match than were looked at (PostgreSQL, very common words).</param>
public sealed record SearchResults(IReadOnlyList<SearchHit> Hits, int Total, int Page, bool HasNext, bool TotalIsAtLeast = false)
{
    public static SearchResults None { get; } = new([], 0, 1, false);
}
