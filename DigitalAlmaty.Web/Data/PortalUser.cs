using Microsoft.AspNetCore.Identity;

namespace DigitalAlmaty.Web.Data;

/// <summary>An account. Other people only ever see <see cref="DisplayName"/> (clause 4.4.6).</summary>
public class PortalUser : IdentityUser
{
    public string DisplayName { get; set; } = string.Empty;

    /// <summary>The language the user last chose; mail is written in it.</summary>
    public string PreferredCulture { get; set; } = "ru-RU";

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>How often the e-mail digest of followed items comes; weekly unless the user chose otherwise.</summary>
    public Domain.Participation.DigestFrequency DigestFrequency { get; set; }

    /// <summary>Last sign-in or signed-in request; drives annulment of unused accounts (4.1.4).</summary>
    public DateTimeOffset? LastActivityAt { get; set; }

    /// <summary>Null: not blocked; <see cref="DateTimeOffset.MaxValue"/>: blocked permanently (4.1.3, 6.4).</summary>
    public DateTimeOffset? BlockedUntil { get; set; }

    /// <summary>The administrator's message to the blocked user.</summary>
    public string? BlockReason { get; set; }

    /// <summary>The agreement clause the block cites, e.g. "4.3.5".</summary>
    public string? BlockClause { get; set; }

    /// <summary>When the first inactivity warning (about 30 days ahead) was sent; cleared by new activity (4.1.4).</summary>
    public DateTimeOffset? InactivityFirstWarnedAt { get; set; }

    /// <summary>When the final inactivity warning (about 7 days ahead) was sent; cleared by new activity (4.1.4).</summary>
    public DateTimeOffset? InactivityFinalWarnedAt { get; set; }

    /// <summary>
    /// Set when the account was annulled for inactivity (4.1.4): its personal data is erased, it cannot
    /// sign in, and its published items are shown under a neutral name.
    /// </summary>
    public DateTimeOffset? AnnulledAt { get; set; }

    /// <summary>
    /// Set when the user reported unauthorised access (4.3.3): signing in is refused until a new
    /// password is set through the e-mailed link, which clears it.
    /// </summary>
    public bool PasswordResetRequired { get; set; }

    public bool IsBlockedAt(DateTimeOffset now) => BlockedUntil is { } until && until > now;
}
