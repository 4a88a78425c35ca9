namespace DigitalAlmaty.Web.Features.Operations;

/// <summary>A node's link to the other nodes, as its heartbeat reports it.</summary>
public enum RelayState
{
    /// <summary>No <c>Realtime:Redis</c>: a single node.</summary>
    NotConfigured,

    /// <summary>The first connection attempt has not returned yet.</summary>
    Connecting,

    Connected,

    /// <summary>Redis is unreachable: the node works on its own and its beats reach nobody else.</summary>
    CutOff,
}
