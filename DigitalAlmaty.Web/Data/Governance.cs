namespace DigitalAlmaty.Web.Data;

/// <summary>
/// One published version of the user agreement (clauses 1.4–1.6, 4.1.1). Never edited after
/// publication: a change is a new version with the next <see cref="Number"/>.
/// </summary>
public sealed class AgreementVersion
{
    public int Id { get; set; }

    /// <summary>1, 2, 3…: the stable address /agreement/versions/{Number}.</summary>
    public int Number { get; set; }

    public string Markdown { get; set; } = string.Empty;

    /// <summary>The Almaty calendar day from which this version is in force.</summary>
    public DateOnly EffectiveFrom { get; set; }

    public string ChangeSummary { get; set; } = string.Empty;

    /// <summary>A notable change must be accepted explicitly before the user writes again; a minor one is accepted by continued use (1.5).</summary>
    public bool IsNotable { get; set; }

    public DateTimeOffset PublishedAt { get; set; }

    public string PublishedBy { get; set; } = string.Empty;
}

public enum AcceptanceHow
{
    Explicit,
    ContinuedUse,
}

/// <summary>One acceptance of one version by one user. Every acceptance is kept, not only the latest.</summary>
public sealed class AgreementAcceptance
{
    public long Id { get; set; }

    public string UserId { get; set; } = string.Empty;

    public int VersionId { get; set; }

    public DateTimeOffset AcceptedAt { get; set; }

    public AcceptanceHow How { get; set; }
}

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
