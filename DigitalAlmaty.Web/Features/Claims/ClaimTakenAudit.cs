using DigitalAlmaty.Web.Data.Auditing;

namespace DigitalAlmaty.Web.Features.Claims;

/// <summary>The audit details of a claim taken in progress: its public number.</summary>
public sealed record ClaimTakenAudit(string Number)
{
    public static readonly AuditAction<ClaimTakenAudit> Taken = new("Claim.TakeInProgress");
}
