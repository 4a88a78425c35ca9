namespace DigitalAlmaty.Web.Realtime;

/// <summary>An unused account was annulled (4.1.4): its published items now show the neutral author name.</summary>
public sealed record AccountAnnulled(string UserId) : PortalEvent;
