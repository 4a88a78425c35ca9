namespace DigitalAlmaty.Domain.Publications;

/// <summary>An attached file (PDF or image), kept in the order the editor gave.</summary>
public sealed record PublicationAttachment(Guid FileId, int Position);
