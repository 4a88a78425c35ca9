namespace DigitalAlmaty.Web.Realtime;

/// <summary>A moderator opened or left an item; <paramref name="ModeratorName"/> is null when they left.</summary>
public sealed record ReviewPresenceChanged(Guid SubmissionId, string ModeratorId, string? ModeratorName) : PortalEvent;
