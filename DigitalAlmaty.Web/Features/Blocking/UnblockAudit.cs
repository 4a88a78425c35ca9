using DigitalAlmaty.Web.Data.Auditing;

namespace DigitalAlmaty.Web.Features.Blocking;

/// <summary>The audit details of a block lifted: nothing beyond who and when, which the entry holds.</summary>
public sealed record UnblockAudit
{
    public static readonly AuditAction<UnblockAudit> Unblocked = new("User.Unblock");
}
