namespace DigitalAlmaty.Web.Features.Publications;

/// <summary>An attached file as readers see it.</summary>
public sealed record AttachmentInfo(Guid Id, string Name, string ContentType, long Length);
