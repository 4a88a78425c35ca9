namespace DigitalAlmaty.Web.Realtime;

/// <summary>A user has a new in-app notification (the bell).</summary>
public sealed record NotificationCreated(string UserId, Guid NotificationId) : PortalEvent;
