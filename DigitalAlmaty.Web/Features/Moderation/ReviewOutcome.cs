namespace DigitalAlmaty.Web.Features.Moderation;

/// <summary>
/// What a decision or a dismissal in the review panel came to, worded for the moderator.
/// <paramref name="Stale"/>: the item changed under the panel (someone else decided, or the reports
/// were already resolved), so the panel reads it again.
/// </summary>
public sealed record ReviewOutcome(bool Succeeded, string Message, bool Stale);
