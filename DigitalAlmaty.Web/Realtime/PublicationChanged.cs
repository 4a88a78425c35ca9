namespace DigitalAlmaty.Web.Realtime;

/// <summary>A staff publication was saved, published, scheduled, unpublished, or its scheduled time came.</summary>
public sealed record PublicationChanged(Guid Id, DigitalAlmaty.Domain.Publications.PublicationKind Kind, DigitalAlmaty.Domain.Publications.PublicationStatus Status) : PortalEvent;
