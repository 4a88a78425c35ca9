using DigitalAlmaty.Web.Realtime;

namespace DigitalAlmaty.Web.Features.Moderation;

/// <summary>
/// What one <see cref="SubmissionChanged"/> means for the queue: the item's row (null when it no
/// longer waits) and how many items wait. <paramref name="Sequence"/> orders reads, so a screen
/// never replaces a newer count with an older one.
/// </summary>
public sealed record QueueChange(QueueRow? Row, int Total, long Sequence);
