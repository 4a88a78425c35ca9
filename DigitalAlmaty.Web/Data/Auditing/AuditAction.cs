namespace DigitalAlmaty.Web.Data.Auditing;

/// <summary>
/// An action the audit log records, tied to the type of its details, so that a writer cannot store
/// one action with another's payload. The feature that performs the action declares it.
/// </summary>
/// <param name="Name">What is stored in <see cref="AuditEntry.Action"/>; never renamed, old rows keep it.</param>
public sealed record AuditAction<TPayload>(string Name)
    where TPayload : class;
