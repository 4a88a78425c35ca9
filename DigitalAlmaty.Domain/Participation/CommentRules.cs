using DigitalAlmaty.Domain.Submissions;

namespace DigitalAlmaty.Domain.Participation;

/// <summary>
/// The rules of comments on published ideas and events: the length of a comment, replies one level
/// deep, the author's edit window, and pre-moderation of participants who recently had a comment
/// hidden (clauses 4.3.5–4.3.11: the moderator reads their next comments before anyone else does).
/// </summary>
public static class CommentRules
{
    public const int TextMaxLength = 2000;

    public const int TextMinLength = 2;

    /// <summary>How long after writing it the author may still change a comment.</summary>
    public static readonly TimeSpan EditWindow = TimeSpan.FromMinutes(15);

    /// <summary>A hidden comment within this many days puts its author's next comments in the queue first.</summary>
    public const int PreModerationDays = 30;

    public const string TooShort = "Comment.TooShort";
    public const string TooLong = "Comment.TooLong";
    public const string ReplyToReply = "Comment.ReplyToReply";
    public const string EditWindowClosed = "Comment.EditWindowClosed";
    public const string NotYours = "Comment.NotYours";
    public const string Gone = "Comment.Gone";

    /// <summary>The error code for a comment's text, or null when it may be posted.</summary>
    public static string? TextError(string? text)
    {
        var trimmed = text?.Trim() ?? string.Empty;
        return trimmed.Length < TextMinLength ? TooShort : trimmed.Length > TextMaxLength ? TooLong : null;
    }

    /// <summary>Replies are one level deep: a comment may answer a top-level comment, not a reply.</summary>
    public static bool MayReplyTo(Guid? parentsParent) => parentsParent is null;

    /// <summary>Whether <paramref name="actorId"/> may edit the comment now: its author, within the window, while it stands.</summary>
    public static string? EditRefusal(string authorId, string actorId, CommentState state, DateTimeOffset createdAt, DateTimeOffset now) =>
        authorId != actorId ? NotYours
        : state is CommentState.Hidden or CommentState.Removed ? Gone
        : now - createdAt > EditWindow ? EditWindowClosed
        : null;

    /// <summary>Whether the author removes it: their own, while it stands (any time).</summary>
    public static string? RemoveRefusal(string authorId, string actorId, CommentState state) =>
        authorId != actorId ? NotYours : state is CommentState.Hidden or CommentState.Removed ? Gone : null;

    /// <summary>The state a new comment starts in: pending when its author had one hidden in the last <see cref="PreModerationDays"/> days.</summary>
    public static CommentState Initial(DateTimeOffset? lastHiddenAt, DateTimeOffset now) =>
        lastHiddenAt is { } at && now - at < TimeSpan.FromDays(PreModerationDays) ? CommentState.Pending : CommentState.Visible;

    /// <summary>Comments are on published items only.</summary>
    public static bool MayCommentOn(SubmissionStatus status) => status == SubmissionStatus.Published;
}
