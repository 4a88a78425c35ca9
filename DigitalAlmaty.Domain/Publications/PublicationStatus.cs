namespace DigitalAlmaty.Domain.Publications;

/// <summary>
/// Draft (never shown), Scheduled (shown from <see cref="Publication.PublishAt"/>), Published (shown),
/// Unpublished (taken down; may be published or scheduled again).
/// </summary>
public enum PublicationStatus
{
    Draft,
    Scheduled,
    Published,
    Unpublished,
}
