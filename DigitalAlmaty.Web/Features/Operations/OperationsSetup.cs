using System.Collections;
using System.Security.Claims;
using System.Text.Encodings.Web;
using DigitalAlmaty.Web.Realtime;
using DigitalAlmaty.Web.Telemetry;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging.Console;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace DigitalAlmaty.Web.Features.Operations;

/// <summary>
/// What an operator runs the portal with: metrics (OpenTelemetry; Prometheus at <c>/metrics</c>,
/// OTLP when <c>OpenTelemetry:Endpoint</c> is set), logs (JSON lines outside Development and Testing,
/// node, trace and user on every line) and the balancer's health endpoints.
/// </summary>
public static class OperationsSetup
{
    public const string OtlpEndpointKey = "OpenTelemetry:Endpoint";
    public const string OtlpProtocolKey = "OpenTelemetry:Protocol";
    public const string MetricsPath = "/metrics";
    public const string LivePath = "/healthz/live";
    public const string ReadyPath = "/healthz/ready";

    /// <summary>.NET's own meters an operator needs; the portal's is <see cref="PortalMetrics.MeterName"/>.</summary>
    public static IReadOnlyList<string> FrameworkMeters { get; } =
    [
        "Microsoft.AspNetCore.Hosting",
        "Microsoft.AspNetCore.Server.Kestrel",
        "Microsoft.AspNetCore.Http.Connections",
        "Microsoft.AspNetCore.Routing",
        "Microsoft.AspNetCore.Diagnostics",
        "Microsoft.AspNetCore.RateLimiting",
        "Microsoft.AspNetCore.Components.Server.Circuits",
        "Microsoft.AspNetCore.Authentication",
        "Microsoft.AspNetCore.Authorization",
        "Microsoft.AspNetCore.Identity",
        "Microsoft.EntityFrameworkCore",
        "Npgsql",
        "System.Runtime",
    ];

    public static WebApplicationBuilder AddPortalOperations(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var node = PortalNode.From(builder.Configuration);
        services.AddSingleton(node);
        services.AddSingleton<StartupTimeline>();

        // The logger factory takes the scope provider from the container when there is one.
        services.AddSingleton<IExternalScopeProvider>(new PortalLogScopes(node));
        // Also when an operator picks the JSON formatter by configuration (Logging:Console:FormatterName=json).
        services.Configure<JsonConsoleFormatterOptions>(options =>
        {
            options.IncludeScopes = true;
            options.UseUtcTimestamp = true;
            options.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
            // Logs are not HTML: Cyrillic and quotes stay readable and searchable.
            options.JsonWriterOptions = new System.Text.Json.JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        });
        if (!builder.Environment.IsDevelopment() && !builder.Environment.IsEnvironment("Testing")
            && string.IsNullOrEmpty(builder.Configuration["Logging:Console:FormatterName"]))
        {
            builder.Logging.AddJsonConsole();
        }

        services.AddSingleton(provider =>
        {
            var metrics = new PortalMetrics(provider.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>());
            metrics.ExpectRefusals("global", Security.RateLimits.AccountPolicy, Security.RateLimits.ClaimPolicy, Security.RateLimits.ReportPolicy);
            return metrics;
        });
        services.AddSingleton<QueueMetrics>();
        services.AddHostedService(sp => sp.GetRequiredService<QueueMetrics>());
        services.AddScoped<CircuitHandler, CircuitMetricsHandler>();
        services.AddOptions<OperationsOptions>().BindConfiguration(OperationsOptions.Section);
        services.AddPortalEventType<NodeHeartbeat>("heartbeat");
        services.AddSingleton<NodeRoster>();
        services.AddHostedService<NodeHeartbeats>();
        services.AddSingleton<MetricsAccess>();
        services.AddSingleton<MigrationsHealthCheck>();
        services.AddHealthChecks().AddCheck<MigrationsHealthCheck>("migrations");

        var version = BuildVersion.Informational;
        var otlp = builder.Configuration[OtlpEndpointKey];
        var protocol = builder.Configuration[OtlpProtocolKey];
        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("digital-almaty", serviceVersion: version, serviceInstanceId: node.Name))
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(PortalMetrics.MeterName).AddMeter([.. FrameworkMeters]);
                // Only this host's instruments (and process-wide ones such as the runtime's). Meters come
                // from each host's IMeterFactory, but a listener hears every meter of a name in the
                // process: with a second host in it (tests) the same-named instruments would be merged,
                // and dropped from both when that host stopped.
                ((IDeferredMeterProviderBuilder)metrics).Configure((provider, builder) =>
                {
                    var ownFactory = provider.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>();
                    builder.AddView(instrument =>
                        instrument.Meter.Scope is { } scope && !ReferenceEquals(scope, ownFactory) ? MetricStreamConfiguration.Drop : null);
                });
                metrics.AddPrometheusExporter();
                if (!string.IsNullOrWhiteSpace(otlp))
                {
                    var endpoint = Uri.TryCreate(otlp, UriKind.Absolute, out var parsed)
                        ? parsed
                        : throw new InvalidOperationException($"{OtlpEndpointKey}: '{otlp}' is not an absolute address.");
                    var overHttp = protocol?.Trim().ToLowerInvariant() switch
                    {
                        null or "" or "grpc" => false,
                        "http/protobuf" or "http" => true,
                        _ => throw new InvalidOperationException($"{OtlpProtocolKey}: '{protocol}' is not grpc or http/protobuf."),
                    };
                    metrics.AddOtlpExporter(options =>
                    {
                        options.Protocol = overHttp ? OtlpExportProtocol.HttpProtobuf : OtlpExportProtocol.Grpc;
                        // An endpoint given in code is used as it is: over HTTP the signal's path must be part of it.
                        options.Endpoint = overHttp && !endpoint.AbsolutePath.EndsWith("/v1/metrics", StringComparison.Ordinal)
                            ? new Uri(endpoint, endpoint.AbsolutePath.TrimEnd('/') + "/v1/metrics")
                            : endpoint;
                    });
                }
            });
        return builder;
    }

    /// <summary>After authentication: the signed-in user's id (never the e-mail) on every log line of the request.</summary>
    public static IApplicationBuilder UsePortalLogScope(this IApplicationBuilder app)
    {
        var logger = app.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger("DigitalAlmaty.Requests");
        return app.Use(async (context, next) =>
        {
            if (context.User.FindFirstValue(ClaimTypes.NameIdentifier) is not { Length: > 0 } userId)
            {
                await next(context);
                return;
            }

            using (logger.BeginScope(new UserScope(userId)))
            {
                await next(context);
            }
        });
    }

    /// <summary>
    /// <c>/healthz/live</c>: the process answers (no dependency is asked, so a database outage never
    /// gets every node restarted at once). <c>/healthz/ready</c>: every check (database reachable,
    /// migrations applied, Redis), 503 only when one is Unhealthy; Redis is at worst Degraded (200).
    /// <c>/metrics</c>: Prometheus, for <see cref="MetricsAccess"/> only.
    /// </summary>
    public static IEndpointRouteBuilder MapPortalOperations(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks(LivePath, new HealthCheckOptions { Predicate = _ => false });
        endpoints.MapHealthChecks(ReadyPath, new HealthCheckOptions { ResponseWriter = HealthResponse.WriteAsync });
        endpoints.MapPrometheusScrapingEndpoint(MetricsPath, meterProvider: null, configureBranchedPipeline: MetricsAccess.Gate, optionsName: null);
        return endpoints;
    }

    /// <summary>Written by the JSON console formatter as <c>{"Message":"UserId:…","UserId":"…"}</c>.</summary>
    private sealed class UserScope(string userId) : IReadOnlyList<KeyValuePair<string, object?>>
    {
        private readonly KeyValuePair<string, object?> _item = new("UserId", userId);

        public int Count => 1;

        public KeyValuePair<string, object?> this[int index] => index == 0 ? _item : throw new ArgumentOutOfRangeException(nameof(index));

        public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
        {
            yield return _item;
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        public override string ToString() => $"UserId:{userId}";
    }
}
