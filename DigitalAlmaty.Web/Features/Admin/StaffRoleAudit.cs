using DigitalAlmaty.Web.Data.Auditing;

namespace DigitalAlmaty.Web.Features.Admin;

/// <summary>The audit details of a staff role granted or revoked: which role, and the reason given.</summary>
public sealed record StaffRoleAudit(string Role, string Reason)
{
    public static readonly AuditAction<StaffRoleAudit> Granted = new(StaffRoleService.Granted);

    public static readonly AuditAction<StaffRoleAudit> Revoked = new(StaffRoleService.Revoked);
}
