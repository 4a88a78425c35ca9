namespace DigitalAlmaty.Web.Data;

/// <summary>One block of a user (clauses 4.1.3, 6.4): who, when, until, why, and when it was lifted.</summary>
public sealed class UserBlock
{
    public long Id { get; set; }

    public string UserId { get; set; } = string.Empty;

    public string BlockedBy { get; set; } = string.Empty;

    public DateTimeOffset BlockedAt { get; set; }

    /// <summary><see cref="DateTimeOffset.MaxValue"/> for a permanent block.</summary>
    public DateTimeOffset Until { get; set; }

    public string Clause { get; set; } = string.Empty;

    public string Reason { get; set; } = string.Empty;

    public DateTimeOffset? UnblockedAt { get; set; }

    public string? UnblockedBy { get; set; }
}
