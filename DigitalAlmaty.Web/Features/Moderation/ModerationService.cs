using System.Security.Claims;
using DigitalAlmaty.Domain;
using DigitalAlmaty.Domain.Submissions;
using DigitalAlmaty.Web.Data;
using DigitalAlmaty.Web.Data.Auditing;
using DigitalAlmaty.Web.Features.Notifications;
using DigitalAlmaty.Web.Features.Submissions;
using DigitalAlmaty.Web.Realtime;
using Microsoft.EntityFrameworkCore;

namespace DigitalAlmaty.Web.Features.Moderation;

/// <summary>
/// Moderators' decisions. Each one is authorised here, applied through the Domain, written with the
/// audit entry and the author's notification in one transaction guarded by the submission's
/// revision, and announced on the event feed after the commit.
/// </summary>
public sealed class ModerationService(
    IDbContextFactory<PortalDbContext> databases,
    TimeProvider clock,
    PortalEventFeed feed,
    DecisionMailer mailer,
    Accounts.ActingUser acting,
    Telemetry.PortalMetrics metrics,
    ILogger<ModerationService> logger)
{

    public async Task<ModerationResult> DecideAsync(ClaimsPrincipal moderator, Guid submissionId, int knownRevision, ModerationDecision decision)
    {
        // The roles and block state of now, not of when the moderator's screen opened.
        if (await acting.ModeratorAsync(moderator) is not { Id: var moderatorId })
        {
            return new ModerationResult(false, ModerationResult.NotAllowed);
        }

        await using var db = await databases.CreateDbContextAsync();
        var submission = await db.Submissions.SingleOrDefaultAsync(s => s.Id == submissionId);
        if (submission is null)
        {
            return new ModerationResult(false, SubmissionResult.NotFound);
        }

        if (submission.Revision != knownRevision)
        {
            return await AlreadyDecidedAsync(db, submission);
        }

        var before = submission.Status;
        var now = clock.GetUtcNow();
        try
        {
            Apply(submission, moderatorId, now, decision);
        }
        catch (DomainRuleException ex)
        {
            return ex.Code == DomainErrorCodes.IllegalMove
                ? await AlreadyDecidedAsync(db, submission)
                : new ModerationResult(false, ex.Code);
        }

        // Hiding upholds the readers' reports on the item: they are resolved in the same transaction.
        var resolvedFlags = decision.Action == SubmissionAction.Hide
            ? await Flags.FlagService.ResolveOpenOnHide(db, submission.Id, moderatorId, now)
            : 0;
        Audit.Record(db, now, moderatorId, ModerationDecisionAudit.For(decision.Action), new AuditSubject(submission.Kind.ToString(), submission.Id.ToString()),
            new ModerationDecisionAudit(decision.ClauseIds, decision.Message), before: before.ToString(), after: submission.Status.ToString());
        var notification = new Notification
        {
            Id = Guid.NewGuid(),
            UserId = submission.AuthorId,
            CreatedAt = now,
            SubmissionId = submission.Id,
            Kind = submission.Kind,
            Action = decision.Action,
            SubmissionTitle = submission.Title,
            Message = submission.History[^1].Message,
        };
        db.Notifications.Add(notification);

        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException ex)
        {
            logger.LogInformation(ex, "Decision on {Id} lost a race.", submissionId);
            await using var fresh = await databases.CreateDbContextAsync();
            var current = await fresh.Submissions.AsNoTracking().SingleAsync(s => s.Id == submissionId);
            return await AlreadyDecidedAsync(fresh, current);
        }

        metrics.Decided(decision.Action);
        feed.Publish(new SubmissionChanged(submission.Id, submission.Kind, submission.Status, submission.AuthorId));
        if (resolvedFlags > 0)
        {
            feed.Publish(new FlagsChanged(submission.Id));
        }

        feed.Publish(new NotificationCreated(submission.AuthorId, notification.Id));
        mailer.SendInBackground(notification);
        return new ModerationResult(true, null, Revision: submission.Revision);
    }

    private static void Apply(Submission submission, string moderatorId, DateTimeOffset now, ModerationDecision decision)
    {
        switch (decision.Action)
        {
            case SubmissionAction.Approve:
                submission.Approve(moderatorId, now, decision.Message);
                break;
            case SubmissionAction.Reject:
                submission.Reject(moderatorId, now, decision.ClauseIds, decision.Message);
                break;
            case SubmissionAction.RequestInformation:
                submission.RequestInformation(moderatorId, now, decision.Message ?? string.Empty);
                break;
            case SubmissionAction.Hide:
                submission.Hide(moderatorId, now, decision.ClauseIds, decision.Message);
                break;
            case SubmissionAction.Restore:
                submission.Restore(moderatorId, now, decision.Message);
                break;
            default:
                throw new DomainRuleException(DomainErrorCodes.IllegalMove, $"{decision.Action} is not a moderator's decision.");
        }
    }

    /// <summary>Says who made the latest decision and what it was, for the moderator who came second.</summary>
    private static async Task<ModerationResult> AlreadyDecidedAsync(PortalDbContext db, Submission submission)
    {
        var last = submission.History.OrderBy(h => h.Sequence).Last();
        var name = await db.Users.Where(u => u.Id == last.ActorId && u.AnnulledAt == null).Select(u => u.DisplayName).SingleOrDefaultAsync();
        return new ModerationResult(false, ModerationResult.AlreadyDecided, name, last.Action, submission.Revision);
    }
}
