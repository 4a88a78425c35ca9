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

    /// <summary>Supports, follows and answers on ideas: a person clicks a few a minute; a script clicks hundreds.</summary>
    public int ParticipationPostsPerMinute { get; set; } = 30;

    /// <summary>Requests to the open API (<c>/api/v1</c>, <c>/openapi</c>) by one client address.</summary>
    public int ApiRequestsPerMinute { get; set; } = 120;
}
