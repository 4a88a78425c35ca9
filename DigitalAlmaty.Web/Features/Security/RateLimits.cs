using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace DigitalAlmaty.Web.Features.Security;

/// <summary>
/// Clauses 4.3.8 and 4.4.1–4.4.5: no flooding, no automated harvesting, no password guessing at
/// speed. Limits are per client address; a refused request gets 429 with Retry-After and the
/// portal's localized page. Every request counts toward the global limit; the stricter policies
/// are attached to their endpoints (<see cref="EnableRateLimitingAttribute"/>), so no spelling of
/// a path (a trailing slash, another case, an encoded character) escapes them.
/// </summary>
public static class RateLimits
{
    /// <summary>Form posts that guard accounts: every page under /Identity/Account.</summary>
    public const string AccountPolicy = "account-posts";

    /// <summary>The public claim form: filing a claim is open to everyone and sends a letter, so it is limited hardest.</summary>
    public const string ClaimPolicy = "claim-posts";

    /// <summary>Readers' reports on ideas and events.</summary>
    public const string ReportPolicy = "report-posts";

    /// <summary>Supports, follows and the city's answers on ideas.</summary>
    public const string ParticipationPolicy = "participation-posts";

    /// <summary>The open API (<c>/api/v1</c>) and its document: reads by programs, per client address.</summary>
    public const string ApiPolicy = "open-data";

    public static IServiceCollection AddPortalRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SignUpGuardOptions>().BindConfiguration(SignUpGuardOptions.Section);
        services.AddSingleton<SignUpGuard>();
        var limits = configuration.GetSection(RateLimitOptions.Section).Get<RateLimitOptions>() ?? new RateLimitOptions();
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
                IsStatusPage(http)
                    ? RateLimitPartition.GetNoLimiter("status")
                    : RateLimitPartition.GetFixedWindowLimiter(Client(http), _ => Window(limits.RequestsPerMinute)));
            AddPostPolicy(options, AccountPolicy, limits.AccountPostsPerMinute);
            AddPostPolicy(options, ClaimPolicy, limits.ClaimPostsPerMinute);
            AddPostPolicy(options, ReportPolicy, limits.ReportPostsPerMinute);
            AddPostPolicy(options, ParticipationPolicy, limits.ParticipationPostsPerMinute);
            options.AddPolicy(ApiPolicy, http => RateLimitPartition.GetFixedWindowLimiter(Client(http), _ => Window(limits.ApiRequestsPerMinute)));
            options.OnRejected = (context, _) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
                context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                // Labelled with the endpoint's policy; a refusal by the global limit on such an endpoint counts there too.
                var policy = context.HttpContext.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName ?? "global";
                context.HttpContext.RequestServices.GetService<Telemetry.PortalMetrics>()?.RateLimitRefused(policy);
                return ValueTask.CompletedTask;
            };
        });
        return services;
    }

    /// <summary>Reading the form is free (the global limit applies); sending it counts, per client address.</summary>
    private static void AddPostPolicy(RateLimiterOptions options, string policy, int permitsPerMinute) =>
        options.AddPolicy(policy, http =>
            HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method)
                ? RateLimitPartition.GetNoLimiter("read")
                : RateLimitPartition.GetFixedWindowLimiter(Client(http), _ => Window(permitsPerMinute)));

    private static FixedWindowRateLimiterOptions Window(int permits) => new()
    {
        PermitLimit = Math.Max(1, permits),
        Window = TimeSpan.FromMinutes(1),
        QueueLimit = 0,
        AutoReplenishment = true,
    };

    // The page that explains a refusal must itself never be refused.
    private static bool IsStatusPage(HttpContext http) => http.Request.Path.StartsWithSegments("/status");

    private static string Client(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
}
