namespace DigitalAlmaty.Web;

/// <summary>
/// What a host adds to the portal it runs (bench/DigitalAlmaty.Bench.Host adds the bench endpoints).
/// Each hook runs at one fixed point of <see cref="PortalApplication"/>, so such a host runs the
/// portal's own services, checks and pipeline rather than a copy that drifts from it. The shipped
/// portal passes none.
/// </summary>
public sealed class PortalExtensions
{
    /// <summary>After the portal's services are registered, before the application is built.</summary>
    public Action<WebApplicationBuilder>? Services { get; init; }

    /// <summary>
    /// After the database is migrated, the first administrator created and the demo content added,
    /// before the first request. False stops the start with exit code 1.
    /// </summary>
    public Func<IServiceProvider, Task<bool>>? Prepared { get; init; }

    /// <summary>
    /// Middleware ahead of the portal's own: after the forwarded headers (the client's real address),
    /// the security headers and the exception handler, before localization, rate limits and sign-in.
    /// </summary>
    public Action<IApplicationBuilder>? Middleware { get; init; }

    /// <summary>Endpoints mapped before the portal's pages, so that no page route takes their paths.</summary>
    public Action<IEndpointRouteBuilder>? Endpoints { get; init; }
}
