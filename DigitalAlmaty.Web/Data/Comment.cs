using DigitalAlmaty.Domain.Participation;

namespace DigitalAlmaty.Web.Data;

/// <summary>
/// A comment on a published idea or event, or a reply to one (one level). Its text stays stored
/// when a moderator hides it or its author removes it: the thread says so in its place, and the
/// moderator can restore it.
/// </summary>
public sealed class Comment
{
    public Guid Id { get; set; }

    public Guid SubmissionId { get; set; }

    /// <summary>The top-level comment this one answers; null for a top-level comment.</summary>
    public Guid? ParentId { get; set; }

    public string AuthorId { get; set; } = string.Empty;

    public string Text { get; set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? EditedAt { get; set; }

    public CommentState State { get; set; }

    /// <summary>When a moderator last hid or restored it (or approved it from pre-moderation).</summary>
    public DateTimeOffset? ModeratedAt { get; set; }

    public string? ModeratedBy { get; set; }

    /// <summary>The clause a moderator cited when hiding it.</summary>
    public string? HiddenClause { get; set; }
}
