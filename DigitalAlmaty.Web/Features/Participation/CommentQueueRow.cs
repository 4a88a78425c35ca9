using DigitalAlmaty.Domain.Participation;
using DigitalAlmaty.Domain.Submissions;

namespace DigitalAlmaty.Web.Features.Participation;

/// <summary>A comment waiting for a moderator: reported by readers (with the clauses they cited) or held for pre-moderation.</summary>
public sealed record CommentQueueRow(
    Guid CommentId, Guid SubmissionId, SubmissionKind Kind, string ItemTitle, string AuthorName, string Text, DateTimeOffset CreatedAt,
    CommentState State, IReadOnlyList<(string Clause, int Count)> Reasons, DateTimeOffset Since);
