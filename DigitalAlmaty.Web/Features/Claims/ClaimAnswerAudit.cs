using DigitalAlmaty.Web.Data.Auditing;

namespace DigitalAlmaty.Web.Features.Claims;

/// <summary>
/// The audit details of a claim answered (7.2): its number and the answer as sent. The answer sits in
/// <c>extra</c> because rows written before the typed payloads have it there.
/// </summary>
public sealed record ClaimAnswerAudit(string Number, ClaimAnswerAudit.Text Extra)
{
    public static readonly AuditAction<ClaimAnswerAudit> Answered = new("Claim.Answer");

    public sealed record Text(string Answer);
}
