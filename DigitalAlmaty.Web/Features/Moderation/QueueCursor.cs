namespace DigitalAlmaty.Web.Features.Moderation;

/// <summary>Where a page of the queue ends: the next page starts after this (SubmittedAt, Id).</summary>
public sealed record QueueCursor(DateTimeOffset SubmittedAt, Guid Id);
