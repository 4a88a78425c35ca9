namespace DigitalAlmaty.Web.Data;

/// <summary>
/// One sign-in attempt on an account (clauses 4.3.2, 4.3.3): shown to its owner so they can spot a
/// sign-in that was not theirs. Only attempts that named an existing account are kept.
/// </summary>
public sealed class SignInRecord
{
    public const int UserAgentMaxLength = 512;

    public long Id { get; set; }

    public string UserId { get; set; } = string.Empty;

    public DateTimeOffset At { get; set; }

    public string? IpAddress { get; set; }

    public string? UserAgent { get; set; }

    public bool Succeeded { get; set; }

    /// <summary>"password", "authenticator" or "recovery-code".</summary>
    public string Method { get; set; } = string.Empty;
}
