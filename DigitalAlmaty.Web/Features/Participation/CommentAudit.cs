using DigitalAlmaty.Web.Data.Auditing;

namespace DigitalAlmaty.Web.Features.Participation;

/// <summary>The audit details of a moderator's decision on a comment: the item it is on, the clause cited, the open reports it closed.</summary>
public sealed record CommentAudit(Guid SubmissionId, string? Clause, int Reports)
{
    public static readonly AuditAction<CommentAudit> Hidden = new("Comment.Hide");
    public static readonly AuditAction<CommentAudit> Restored = new("Comment.Restore");
    public static readonly AuditAction<CommentAudit> Dismissed = new("Comment.Dismiss");
    public static readonly AuditAction<CommentAudit> Approved = new("Comment.Approve");
}
