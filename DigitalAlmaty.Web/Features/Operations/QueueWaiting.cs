namespace DigitalAlmaty.Web.Features.Operations;

/// <summary>The moderation queue as last read: items waiting and when the oldest of them was submitted.</summary>
public sealed record QueueWaiting(long Waiting, DateTimeOffset? OldestSubmittedAt);
