namespace DigitalAlmaty.Web.Data;

/// <summary>
/// One line of the audit log: who did what to which record, when, and the state before and after.
/// Written in the same transaction as the change it describes, through <see cref="Auditing.Audit.Record"/>.
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; set; }

    public DateTimeOffset At { get; set; }

    public string ActorId { get; set; } = string.Empty;

    public string Action { get; set; } = string.Empty;

    public string SubjectType { get; set; } = string.Empty;

    public string SubjectId { get; set; } = string.Empty;

    public string? Before { get; set; }

    public string? After { get; set; }

    /// <summary>The action's payload as JSON (cited clauses, the message, a reason, …); written and read by <see cref="Auditing.Audit"/>.</summary>
    public string? Details { get; set; }
}
