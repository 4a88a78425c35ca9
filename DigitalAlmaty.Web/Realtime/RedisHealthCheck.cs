using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace DigitalAlmaty.Web.Realtime;

/// <summary>
/// Degraded, not Unhealthy, while Redis is unreachable: the node still serves everything and only
/// the other instances stop hearing its events, so a load balancer must not take it out.
/// </summary>
public sealed class RedisHealthCheck(RedisEventRelay relay) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(relay.Connection switch
        {
            { IsConnected: true } => HealthCheckResult.Healthy("Portal events are relayed over Redis."),
            null => HealthCheckResult.Degraded("Connecting to Redis; portal events stay on this node."),
            _ => HealthCheckResult.Degraded("Redis is unreachable; portal events stay on this node."),
        });
}
