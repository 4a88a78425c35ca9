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
