namespace DigitalAlmaty.Web.Realtime;

/// <summary>
/// An event a feature declares (below <see cref="PortalEvent"/>'s own list, which only names the
/// events kept here), with the name the Redis relay writes for it: registered with
/// <see cref="RealtimeSetup.AddPortalEventType{TEvent}"/>, so that this layer never names a feature.
/// </summary>
public sealed record PortalEventType(Type Type, string Name);
