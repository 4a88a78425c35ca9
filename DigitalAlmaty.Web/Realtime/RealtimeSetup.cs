using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace DigitalAlmaty.Web.Realtime;

public static class RealtimeSetup
{
    /// <summary>
    /// With <c>Realtime:Redis</c> set, relays the portal event feed to the other instances and adds
    /// the "redis" health check; without it the feed stays in-process and nothing is registered.
    /// </summary>
    public static IServiceCollection AddPortalRealtime(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(RealtimeOptions.Section);
        services.AddOptions<RealtimeOptions>().Bind(section);
        if (string.IsNullOrWhiteSpace(section[nameof(RealtimeOptions.Redis)]))
        {
            return services;
        }

        services.AddSingleton<RedisEventRelay>();
        services.AddHostedService(sp => sp.GetRequiredService<RedisEventRelay>());
        services.AddHealthChecks().AddCheck<RedisHealthCheck>("redis", tags: ["realtime"]);
        return services;
    }

    /// <summary>
    /// Circuits' WebSockets without per-message compression. Render batches of the live screens are
    /// a kilobyte or two; deflating each one costs CPU on the server and in the browser for every
    /// open circuit on every change, and each compressed connection holds its own zlib state.
    /// </summary>
    public static void ServerRenderMode(Microsoft.AspNetCore.Components.Server.ServerComponentsEndpointOptions options) =>
        options.DisableWebSocketCompression = true;
}

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
