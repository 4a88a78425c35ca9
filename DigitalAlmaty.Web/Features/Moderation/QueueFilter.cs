using DigitalAlmaty.Domain.Submissions;

namespace DigitalAlmaty.Web.Features.Moderation;

/// <summary>What the moderator narrowed the queue to.</summary>
public sealed record QueueFilter(SubmissionKind? Kind = null, string? Category = null, string? Search = null)
{
    public static QueueFilter None { get; } = new();

    /// <summary>The same test as the database query, on a row already read (title search folded the same way).</summary>
    public bool Matches(QueueRow row)
    {
        if ((Kind is { } kind && row.Kind != kind) || (!string.IsNullOrWhiteSpace(Category) && row.Category != Category))
        {
            return false;
        }

        var search = ModerationQueue.SearchTerm(Search);
        return search is null || row.Title.ToLowerInvariant().Contains(search, StringComparison.Ordinal);
    }
}
