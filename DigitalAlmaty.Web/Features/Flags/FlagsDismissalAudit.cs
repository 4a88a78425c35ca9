using DigitalAlmaty.Web.Data.Auditing;

namespace DigitalAlmaty.Web.Features.Flags;

/// <summary>The audit details of readers' reports dismissed: the clauses they cited, how many, the moderator's note.</summary>
public sealed record FlagsDismissalAudit(IReadOnlyList<string> Clauses, int Flags, string? Message)
{
    public static readonly AuditAction<FlagsDismissalAudit> Dismissed = new("Flags.Dismiss");
}
