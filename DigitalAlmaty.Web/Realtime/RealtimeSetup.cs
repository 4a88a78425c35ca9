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
    /// Lets the relay carry <typeparamref name="TEvent"/>, declared by a feature, as <paramref name="name"/>
    /// (the <c>type</c> of its JSON). A node that does not know the name (an older build during an
    /// upgrade) ignores the message and logs it as malformed.
    /// </summary>
    public static IServiceCollection AddPortalEventType<TEvent>(this IServiceCollection services, string name)
        where TEvent : PortalEvent
    {
        services.AddSingleton(new PortalEventType(typeof(TEvent), name));
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
