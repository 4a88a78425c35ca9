namespace DigitalAlmaty.Web.Features.Moderation;

public sealed record DiffSegment(DiffKind Kind, string Text);
