using DigitalAlmaty.Web.Data.Auditing;

namespace DigitalAlmaty.Web.Features.Security;

/// <summary>The audit details of a user's report that someone else used the account (4.3.3).</summary>
public sealed record UnauthorisedAccessAudit(IReadOnlyList<string> Clauses)
{
    public static readonly AuditAction<UnauthorisedAccessAudit> Reported = new("User.ReportUnauthorisedAccess");
}
