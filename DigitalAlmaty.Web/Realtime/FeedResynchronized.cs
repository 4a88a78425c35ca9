namespace DigitalAlmaty.Web.Realtime;

/// <summary>
/// This node was cut off from the other instances (Redis was unreachable) and is connected again:
/// events from other nodes may have been missed. Subscribers that show live state must re-query it
/// from the database on this event instead of trusting their incremental updates.
/// </summary>
public sealed record FeedResynchronized : PortalEvent;
