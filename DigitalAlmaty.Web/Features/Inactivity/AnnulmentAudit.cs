using DigitalAlmaty.Web.Data.Auditing;

namespace DigitalAlmaty.Web.Features.Inactivity;

/// <summary>The audit details of one inactive account annulled (4.1.4): when it was last active.</summary>
public sealed record AnnulmentAudit(IReadOnlyList<string> Clauses, DateTimeOffset LastActivity)
{
    public static readonly AuditAction<AnnulmentAudit> Annulled = new("User.Annul");
}
