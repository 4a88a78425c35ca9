using System.Security.Claims;
using DigitalAlmaty.Domain.Submissions;
using DigitalAlmaty.Web.Features.Flags;
using DigitalAlmaty.Web.Resources;
using Microsoft.Extensions.Localization;

namespace DigitalAlmaty.Web.Features.Moderation;

/// <summary>
/// What the review panel does with one item: reads it, decides on it (<see cref="ModerationService"/>)
/// or dismisses its readers' reports (<see cref="FlagService"/>), and words the outcome for the
/// moderator, the loser of a race included (who decided first, and how).
/// </summary>
public sealed class ReviewDecisions(
    ModerationQueue queue,
    ModerationService moderation,
    FlagService flags,
    IStringLocalizer<ModerationText> moderationText,
    IStringLocalizer<SubmissionText> submissionText)
{
    public Task<ReviewItem?> ReviewAsync(Guid id) => queue.ReviewAsync(id);

    public async Task<ReviewOutcome> DecideAsync(ClaimsPrincipal moderator, Guid id, int knownRevision, ModerationDecision decision)
    {
        var outcome = await moderation.DecideAsync(moderator, id, knownRevision, decision);
        if (outcome.Succeeded)
        {
            return new ReviewOutcome(true, moderationText["Review.Done." + decision.Action], Stale: false);
        }

        string message = outcome.ErrorCode switch
        {
            ModerationResult.AlreadyDecided => moderationText["Review.AlreadyDecided",
                string.IsNullOrWhiteSpace(outcome.DecidedBy) ? moderationText["Review.SomeoneElse"] : outcome.DecidedBy,
                outcome.DecidedAction is { } action ? submissionText["Action." + action] : submissionText["Status." + SubmissionStatus.Submitted]],
            ModerationResult.NotAllowed => moderationText["Review.NotAllowed"],
            { } code => moderationText["Review.Failed", submissionText[code]],
            null => moderationText["Review.Failed", string.Empty],
        };
        return new ReviewOutcome(false, message, Stale: outcome.ErrorCode == ModerationResult.AlreadyDecided);
    }

    /// <summary>Leaves the item published and closes its reports (audited; the readers are not notified).</summary>
    public async Task<ReviewOutcome> DismissReportsAsync(ClaimsPrincipal moderator, Guid id, string? message)
    {
        var outcome = await flags.DismissAsync(moderator, id, message);
        if (outcome.Succeeded)
        {
            return new ReviewOutcome(true, moderationText["Flags.Dismissed"], Stale: false);
        }

        return new ReviewOutcome(
            false,
            outcome.ErrorCode == FlagResult.NotAllowed ? moderationText["Review.NotAllowed"] : moderationText["Flags.NothingOpen"],
            Stale: true);
    }
}
