using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace DigitalAlmaty.Web.Features.Security;

/// <summary>The <c>RateLimits</c> configuration section: requests per minute per client address.</summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    /// <summary>Any request: pages, feeds, files.</summary>
    public int RequestsPerMinute { get; set; } = 600;

    /// <summary>Form posts that guard accounts: sign-in, registration, password reset, confirmation e-mails.</summary>
    public int AccountPostsPerMinute { get; set; } = 20;

    /// <summary>Posts of the public claim form (/claims/new), which anyone may send and which sends an e-mail.</summary>
    public int ClaimPostsPerMinute { get; set; } = 5;
    /// <summary>Readers' reports on ideas and events (4.3.5–4.3.11): few people report more than one item a minute.</summary>
    public int ReportPostsPerMinute { get; set; } = 5;
}

/// <summary>
/// Clauses 4.3.8 and 4.4.1–4.4.5: no flooding, no automated harvesting, no password guessing at
/// speed. Limits are per client address; a refused request gets 429 with Retry-After and the
/// portal's localized page.
/// </summary>
public static class RateLimits
{
    private static readonly string[] AccountForms =
    [
        "/Identity/Account/Login", "/Identity/Account/Register", "/Identity/Account/ForgotPassword",
        "/Identity/Account/ResetPassword", "/Identity/Account/ResendEmailConfirmation",
        "/Identity/Account/LoginWith2fa", "/Identity/Account/LoginWithRecoveryCode",
    ];

    /// <summary>The public claim form: filing a claim is open to everyone and sends a letter, so it is limited hardest.</summary>
    public const string ClaimForm = "/claims/new";

    public static IServiceCollection AddPortalRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SignUpGuardOptions>().BindConfiguration(SignUpGuardOptions.Section);
        services.AddSingleton<SignUpGuard>();
        var limits = configuration.GetSection(RateLimitOptions.Section).Get<RateLimitOptions>() ?? new RateLimitOptions();
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                PartitionedRateLimiter.Create<HttpContext, string>(http =>
                    IsStatusPage(http)
                        ? RateLimitPartition.GetNoLimiter("status")
                        : RateLimitPartition.GetFixedWindowLimiter(Client(http), _ => Window(limits.RequestsPerMinute))),
                PartitionedRateLimiter.Create<HttpContext, string>(http =>
                    IsAccountPost(http)
                        ? RateLimitPartition.GetFixedWindowLimiter("account:" + Client(http), _ => Window(limits.AccountPostsPerMinute))
                        : RateLimitPartition.GetNoLimiter("none")),
                PartitionedRateLimiter.Create<HttpContext, string>(http =>
                    IsClaimPost(http)
                        ? RateLimitPartition.GetFixedWindowLimiter("claim:" + Client(http), _ => Window(limits.ClaimPostsPerMinute))
                        : IsReportPost(http)
                        ? RateLimitPartition.GetFixedWindowLimiter("report:" + Client(http), _ => Window(limits.ReportPostsPerMinute))
                        : RateLimitPartition.GetNoLimiter("none")));
            options.OnRejected = (context, _) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
                context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                return ValueTask.CompletedTask;
            };
        });
        return services;
    }

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

    private static bool IsClaimPost(HttpContext http) =>
        HttpMethods.IsPost(http.Request.Method) && http.Request.Path.Equals(ClaimForm, StringComparison.OrdinalIgnoreCase);
    /// <summary>A post of the report form: /ideas/{id}/report or /events/{id}/report.</summary>
    private static bool IsReportPost(HttpContext http)
    {
        if (!HttpMethods.IsPost(http.Request.Method) || http.Request.Path.Value is not { } path)
        {
            return false;
        }

        var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return parts.Length == 3
            && (parts[0].Equals("ideas", StringComparison.OrdinalIgnoreCase) || parts[0].Equals("events", StringComparison.OrdinalIgnoreCase))
            && parts[2].Equals("report", StringComparison.OrdinalIgnoreCase);
    }

    private static bool IsAccountPost(HttpContext http) =>
        HttpMethods.IsPost(http.Request.Method)
        && AccountForms.Any(form => http.Request.Path.Equals(form, StringComparison.OrdinalIgnoreCase));
}
