namespace DigitalAlmaty.Tests.Web.Csrf;

/// <summary>
/// Every form of the portal that is posted to the server, and every other endpoint that accepts a
/// POST, with why it needs no antiforgery token. <see cref="PostEndpointInventoryTests"/> fails when
/// the running portal has a POST endpoint that is in neither list.
/// </summary>
public static class PortalPostTargets
{
    private const string NewPassword = "Forged-New-Pass-2026";

    private static PostTarget Anonymous(string pattern, params (string Name, string Value)[] fields) =>
        new(pattern, "/" + pattern, SignedIn: false, fields.ToDictionary(f => f.Name, f => f.Value));

    private static PostTarget Victim(string pattern, string url, params (string Name, string Value)[] fields) =>
        new(pattern, url, SignedIn: true, fields.ToDictionary(f => f.Name, f => f.Value));

    private static PostTarget Victim(string pattern, params (string Name, string Value)[] fields) =>
        Victim(pattern, "/" + pattern, fields);

    public static readonly IReadOnlyList<PostTarget> Forms =
    [
        // Razor Pages under Areas/Identity/Pages.
        Anonymous("Identity/Account/Login", ("Input.Email", "{email}"), ("Input.Password", "{password}")),
        Anonymous("Identity/Account/Register", ("Input.DisplayName", "Подделка"), ("Input.Email", "forged-{email}"),
            ("Input.Password", NewPassword), ("Input.ConfirmPassword", NewPassword), ("Input.AcceptAgreement", "true")),
        Anonymous("Identity/Account/ForgotPassword", ("Input.Email", "{email}")),
        Anonymous("Identity/Account/ResetPassword", ("Input.Email", "{email}"), ("Input.Password", NewPassword),
            ("Input.ConfirmPassword", NewPassword), ("Input.Code", "Zm9yZ2Vk")),
        Anonymous("Identity/Account/ResendEmailConfirmation", ("Input.Email", "{email}")),
        Anonymous("Identity/Account/LoginWith2fa", ("Input.TwoFactorCode", "123456")),
        Anonymous("Identity/Account/LoginWithRecoveryCode", ("Input.RecoveryCode", "ABCDE-12345")),
        Victim("Identity/Account/Logout"),
        Victim("Identity/Account/Manage", ("Input.DisplayName", "Взломанный")),
        Victim("Identity/Account/Manage/Index", ("Input.DisplayName", "Взломанный")),
        Victim("Identity/Account/Manage/Email", "/Identity/Account/Manage/Email?handler=Change", ("Input.NewEmail", "attacker@evil.example")),
        Victim("Identity/Account/Manage/Email", "/Identity/Account/Manage/Email?handler=SendVerification"),
        Victim("Identity/Account/Manage/ChangePassword", ("Input.OldPassword", "{password}"), ("Input.NewPassword", NewPassword),
            ("Input.ConfirmPassword", NewPassword)),
        Victim("Identity/Account/Manage/Security"),
        Victim("Identity/Account/Manage/PersonalData"),
        Victim("Identity/Account/Manage/GenerateRecoveryCodes"),
        Victim("Identity/Account/Manage/TwoFactorAuthentication", "/Identity/Account/Manage/TwoFactorAuthentication?handler=ForgetBrowser"),
        Victim("Identity/Account/Manage/EnableAuthenticator", ("Input.Code", "123456")),
        Victim("Identity/Account/Manage/Disable2fa"),
        Victim("Identity/Account/Manage/ResetAuthenticator"),

        // Statically rendered Blazor forms (@formname).
        new("/claims/new", "/claims/new", SignedIn: false, new Dictionary<string, string>
        {
            ["_handler"] = "claim",
            ["Input.Name"] = "Подделка",
            ["Input.Email"] = "{email}",
            ["Input.Topic"] = "Other",
            ["Input.Subject"] = "Подделка",
            ["Input.Text"] = "Подделанное обращение.",
            ["Input.GroundsArose"] = DateTime.UtcNow.AddDays(-2).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        }),
        Victim("/ideas/{Id:guid}/report", "/ideas/{idea}/report", ("_handler", "report"), ("Clause", "4.3.9"), ("Message", "Подделанная жалоба")),
        Victim("/events/{Id:guid}/report", "/events/{event}/report", ("_handler", "report"), ("Clause", "4.3.9"), ("Message", "Подделанная жалоба")),
        Victim("/agreement/accept", ("_handler", "accept-agreement"), ("returnUrl", "/")),
        Victim("/agreement/accept", "/agreement/accept", ("_handler", "decline-agreement"), ("returnUrl", "/")),
        Victim("/notifications", ("_handler", "notifications"), ("Mark", "all")),
        Victim("/ideas/{Id:guid}/participate", "/ideas/{idea}/participate", ("_handler", "support"), ("Do", "support")),
        Victim("/ideas/{Id:guid}/participate", "/ideas/{idea}/participate", ("_handler", "follow"), ("Do", "follow")),
        Victim("/ideas/{Id:guid}/answer", "/ideas/{idea}/answer", ("_handler", "answer"), ("Status", "Accepted"), ("TextRu", "Подделанный ответ города на идею.")) with
        {
            Roles = [DigitalAlmaty.Domain.Accounts.PortalRoles.Editor],
        },
    ];

    /// <summary>
    /// Endpoints that accept a POST without an antiforgery token on purpose, keyed by route pattern.
    /// None of them acts on the strength of a cookie alone.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> WithoutAntiforgery = new Dictionary<string, string>
    {
        ["/healthz"] = "Health check: reads the node's state, changes nothing, whatever the method.",
        ["/healthz/live"] = "Liveness for the balancer: answers that the process runs, changes nothing.",
        ["/healthz/ready"] = "Readiness for the balancer: reads the database, migration and Redis state, changes nothing.",
        ["/metrics"] = "Prometheus scrape: reads counters, changes nothing; answers only this machine and the known proxy networks.",
        ["/_blazor"] = "Blazor circuit hub (SignalR): a circuit starts only from component markers that the portal signed and rendered into the page, and the auth cookie is SameSite=Lax.",
        ["/_blazor/negotiate"] = "SignalR negotiation for the circuit hub: hands out a connection id, changes nothing.",
        ["/_blazor/disconnect"] = "Ends a circuit; needs that circuit's secret id, which only its page has.",
        ["/_blazor/initializers"] = "Blazor's list of JavaScript initializers: read-only.",
    };
}
