namespace DigitalAlmaty.Web.Data.Auditing;

/// <summary>The record an audit entry is about: its kind (<c>User</c>, <c>Idea</c>, <c>Claim</c>, …) and id.</summary>
public sealed record AuditSubject(string Type, string Id)
{
    public static AuditSubject User(string userId) => new("User", userId);
}
