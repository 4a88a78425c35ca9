namespace DigitalAlmaty.Web.Data;

/// <summary>One acceptance of one version by one user. Every acceptance is kept, not only the latest.</summary>
public sealed class AgreementAcceptance
{
    public long Id { get; set; }

    public string UserId { get; set; } = string.Empty;

    public int VersionId { get; set; }

    public DateTimeOffset AcceptedAt { get; set; }

    public AcceptanceHow How { get; set; }
}
