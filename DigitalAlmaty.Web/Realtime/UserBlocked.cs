namespace DigitalAlmaty.Web.Realtime;

/// <summary>An administrator blocked a user (4.1.3, 6.4): their open editors turn read-only at once.</summary>
public sealed record UserBlocked(string UserId, DateTimeOffset Until, string Clause, string Reason) : PortalEvent;
