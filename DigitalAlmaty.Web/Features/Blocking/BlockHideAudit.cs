using DigitalAlmaty.Domain.Submissions;
using DigitalAlmaty.Web.Data.Auditing;

namespace DigitalAlmaty.Web.Features.Blocking;

/// <summary>
/// The audit details of a published item hidden because its author was blocked: recorded as the
/// moderators' <c>Submission.Hide</c> (the same action on the item), told apart by <c>"block": true</c>.
/// </summary>
public sealed record BlockHideAudit(IReadOnlyList<string> Clauses, string Message)
{
    public static readonly AuditAction<BlockHideAudit> Hidden = new($"Submission.{SubmissionAction.Hide}");

    /// <summary>Always true: the mark that tells this hide from a moderator's in the stored JSON.</summary>
    public bool Block => true;
}
