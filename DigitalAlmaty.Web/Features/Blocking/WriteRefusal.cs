namespace DigitalAlmaty.Web.Features.Blocking;

/// <summary>Why a user may not write right now; null fields when they may.</summary>
public sealed record WriteRefusal(string Code, DateTimeOffset? BlockedUntil = null, string? Clause = null, string? Reason = null)
{
    /// <summary>GovernanceText key: the user is blocked (4.1.3, 6.4).</summary>
    public const string Blocked = "Governance.Blocked";

    /// <summary>GovernanceText key: a notable agreement version waits for the user's acceptance (1.4, 4.1.1).</summary>
    public const string AgreementRequired = "Governance.AgreementRequired";

    /// <summary>GovernanceText key: every session of the account was ended (a report of unauthorised access, an annulment).</summary>
    public const string SessionEnded = "Governance.SessionEnded";
}
