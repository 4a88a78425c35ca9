namespace DigitalAlmaty.Web.Realtime;

/// <summary>Carries events to the other server instances (Redis pub/sub); absent on a single node.</summary>
public interface IPortalEventRelay
{
    void Send(PortalEvent portalEvent);
}
