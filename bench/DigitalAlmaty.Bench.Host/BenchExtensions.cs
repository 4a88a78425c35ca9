using DigitalAlmaty.Web;

namespace DigitalAlmaty.Bench.Host;

/// <summary>Where the bench hooks into the portal's pipeline (see <see cref="PortalExtensions"/>).</summary>
public static class BenchExtensions
{
    public static PortalExtensions Create() => new()
    {
        Services = builder => builder.Services.AddScoped<BenchIdeas>(),
        Prepared = PreparedAsync,
        Middleware = app => app.UseBenchTimings(),
        Endpoints = endpoints =>
        {
            endpoints.MapBaselines();
            endpoints.MapBenchTimings();
            endpoints.MapModerationBench();
            endpoints.MapBenchGc();
            endpoints.MapLoadBench();
        },
    };

    /// <summary>
    /// Only in Development or Testing: the bench endpoints sign in a moderator for anyone on this
    /// machine who asks. Then tops the database up to <c>Bench:Ideas</c> published ideas.
    /// </summary>
    private static async Task<bool> PreparedAsync(IServiceProvider services)
    {
        var environment = services.GetRequiredService<IHostEnvironment>();
        if (!environment.IsDevelopment() && !environment.IsEnvironment("Testing"))
        {
            services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(BenchExtensions))
                .LogCritical("The bench host runs only in Development or Testing, not in {Environment}.", environment.EnvironmentName);
            return false;
        }

        using var scope = services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<BenchIdeas>().SeedAsync(services.GetRequiredService<IConfiguration>().GetValue("Bench:Ideas", 0));
        return true;
    }
}
