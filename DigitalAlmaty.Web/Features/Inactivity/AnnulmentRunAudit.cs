using DigitalAlmaty.Web.Data.Auditing;

namespace DigitalAlmaty.Web.Features.Inactivity;

/// <summary>The audit details of an administrator's run of the inactive-account check (4.1.4): what it did.</summary>
public sealed record AnnulmentRunAudit(IReadOnlyList<string> Clauses, int FirstWarnings, int FinalWarnings, int Annulled)
{
    public static readonly AuditAction<AnnulmentRunAudit> Run = new("Accounts.AnnulmentRun");
}
