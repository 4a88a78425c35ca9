using DigitalAlmaty.Domain.Submissions;

namespace DigitalAlmaty.Web.Features.Moderation;

/// <summary>What a moderator decided about one item (agreement clauses 4.1.2, 4.3.4, 4.3.5–4.3.11).</summary>
public sealed record ModerationDecision(SubmissionAction Action, IReadOnlyList<string> ClauseIds, string? Message)
{
    public static ModerationDecision Approve(string? message = null) => new(SubmissionAction.Approve, [], message);

    public static ModerationDecision Reject(IReadOnlyList<string> clauseIds, string? message) => new(SubmissionAction.Reject, clauseIds, message);

    public static ModerationDecision RequestInformation(string message) => new(SubmissionAction.RequestInformation, [], message);

    public static ModerationDecision Hide(IReadOnlyList<string> clauseIds, string? message) => new(SubmissionAction.Hide, clauseIds, message);

    public static ModerationDecision Restore(string? message = null) => new(SubmissionAction.Restore, [], message);
}
