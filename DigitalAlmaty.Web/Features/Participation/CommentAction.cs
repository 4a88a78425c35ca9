namespace DigitalAlmaty.Web.Features.Participation;

/// <summary>
/// One action on a comment, from <see cref="CommentItem"/> to the thread that performs it:
/// the new text of an edit, or the clause and message of a report. <see cref="Done"/> hears whether
/// it worked (and the error), so the item keeps what was typed when it did not.
/// </summary>
public sealed record CommentAction(CommentActionKind Kind, Guid CommentId, string? Text = null, string? Clause = null, Action<bool, string?>? Done = null);
