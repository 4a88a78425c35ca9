using DigitalAlmaty.Domain.Submissions;
using DigitalAlmaty.Web.Data.Auditing;

namespace DigitalAlmaty.Web.Features.Moderation;

/// <summary>The audit details of a moderator's decision on an idea or event: the clauses cited and the message.</summary>
public sealed record ModerationDecisionAudit(IReadOnlyList<string> Clauses, string? Message)
{
    /// <summary>Every decision a moderator can take, in the order the audit page offers them.</summary>
    public static readonly IReadOnlyList<AuditAction<ModerationDecisionAudit>> Actions =
    [
        For(SubmissionAction.Approve), For(SubmissionAction.Reject), For(SubmissionAction.RequestInformation),
        For(SubmissionAction.Hide), For(SubmissionAction.Restore),
    ];

    public static AuditAction<ModerationDecisionAudit> For(SubmissionAction action) => new($"Submission.{action}");
}
