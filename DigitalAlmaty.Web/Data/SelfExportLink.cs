namespace DigitalAlmaty.Web.Data;

/// <summary>
/// A one-time link to a user's own data (after declining the agreement they are signed out, so the
/// link is all they hold). Only the token's SHA-256 is stored. The link works once, on any node,
/// until <see cref="ExpiresAt"/>; <see cref="TakenAt"/> records the use.
/// </summary>
public sealed class SelfExportLink
{
    /// <summary>Hex SHA-256 of the token.</summary>
    public string TokenHash { get; set; } = string.Empty;

    public string UserId { get; set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    public DateTimeOffset? TakenAt { get; set; }
}
