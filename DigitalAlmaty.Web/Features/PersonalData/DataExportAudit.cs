using DigitalAlmaty.Web.Data.Auditing;

namespace DigitalAlmaty.Web.Features.PersonalData;

/// <summary>The audit details of an administrator's export of one user's data: the lawful reason (6.1–6.3).</summary>
public sealed record DataExportAudit(string Reason)
{
    public static readonly AuditAction<DataExportAudit> Exported = new(UserDataExport.AuditAction);
}
