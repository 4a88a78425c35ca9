using Microsoft.AspNetCore.Identity;

namespace DigitalAlmaty.Web.Data;

/// <summary>An account. Other people only ever see <see cref="DisplayName"/> (clause 4.4.6).</summary>
public class PortalUser : IdentityUser
{
    public string DisplayName { get; set; } = string.Empty;

    /// <summary>The language the user last chose; mail is written in it.</summary>
    public string PreferredCulture { get; set; } = "ru-RU";

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Last sign-in or signed-in request; drives annulment of unused accounts (4.1.4).</summary>
    public DateTimeOffset? LastActivityAt { get; set; }

    /// <summary>Null: not blocked; <see cref="DateTimeOffset.MaxValue"/>: blocked permanently (4.1.3, 6.4).</summary>
    public DateTimeOffset? BlockedUntil { get; set; }

    /// <summary>The administrator's message to the blocked user.</summary>
    public string? BlockReason { get; set; }

    /// <summary>The agreement clause the block cites, e.g. "4.3.5".</summary>
    public string? BlockClause { get; set; }

    public bool IsBlockedAt(DateTimeOffset now) => BlockedUntil is { } until && until > now;
}
