namespace DigitalAlmaty.Web.Features.Operations;

/// <summary>A node's latest beat and when this node heard it (this node's clock, so skew does not matter).</summary>
public sealed record NodeSighting(NodeHeartbeat Beat, DateTimeOffset HeardAt);
