namespace DigitalAlmaty.Web.Realtime;

/// <summary>
/// Every session of the user ends now (a report of unauthorised access, an annulment): open circuits
/// drop the user at once and cookies issued before <paramref name="At"/> stop working on every node.
/// </summary>
public sealed record SessionsEnded(string UserId, DateTimeOffset At) : PortalEvent;
