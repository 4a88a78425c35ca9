using DigitalAlmaty.Domain.Submissions;

namespace DigitalAlmaty.Web.Features.Moderation;

/// <summary>
/// The outcome of a decision. When someone else decided first, <see cref="DecidedBy"/> and
/// <see cref="DecidedAction"/> say who and what, so the loser of the race is told, not overwritten.
/// </summary>
public sealed record ModerationResult(
    bool Succeeded, string? ErrorCode, string? DecidedBy = null, SubmissionAction? DecidedAction = null, int Revision = 0)
{
    public const string NotAllowed = "Moderation.NotAllowed";
    public const string AlreadyDecided = "Moderation.AlreadyDecided";
}
