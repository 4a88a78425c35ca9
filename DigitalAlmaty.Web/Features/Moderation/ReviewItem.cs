using DigitalAlmaty.Domain.Submissions;

namespace DigitalAlmaty.Web.Features.Moderation;

/// <summary>Everything the review panel shows about one item.</summary>
public sealed record ReviewItem(Submission Item, string AuthorName, IReadOnlyList<AuthorItem> EarlierByAuthor)
{
    /// <summary>Readers' reports not yet resolved, oldest first.</summary>
    public IReadOnlyList<OpenFlag> OpenFlags { get; init; } = [];
}
