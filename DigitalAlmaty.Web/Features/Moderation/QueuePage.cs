namespace DigitalAlmaty.Web.Features.Moderation;

public sealed record QueuePage(IReadOnlyList<QueueRow> Rows, QueueCursor? Next);
