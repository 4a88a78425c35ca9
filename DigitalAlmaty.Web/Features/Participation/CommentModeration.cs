using System.Security.Claims;
using DigitalAlmaty.Domain.Flags;
using DigitalAlmaty.Domain.Participation;
using DigitalAlmaty.Domain.Submissions;
using DigitalAlmaty.Web.Data;
using DigitalAlmaty.Web.Data.Auditing;
using DigitalAlmaty.Web.Data.Configurations;
using DigitalAlmaty.Web.Features.Accounts;
using DigitalAlmaty.Web.Realtime;
using Microsoft.EntityFrameworkCore;

namespace DigitalAlmaty.Web.Features.Participation;

/// <summary>
/// Moderators' side of comments: the reported and the pre-moderated ones in the live queue, and the
/// decisions on them (hide citing a clause, restore, dismiss the reports, publish a held comment).
/// Every decision checks the moderator in the database at that moment and is audited.
/// </summary>
public sealed class CommentModeration(IDbContextFactory<PortalDbContext> databases, TimeProvider clock, ActingUser acting, PortalEventFeed feed)
{
    public const int QueueLimit = 100;

    /// <summary>Reported comments (open reports) and held ones, oldest first; empty for anyone but a moderator.</summary>
    public async Task<IReadOnlyList<CommentQueueRow>> QueueAsync(ClaimsPrincipal moderator)
    {
        if (!ActingUser.ClaimsModerator(moderator))
        {
            return [];
        }

        await using var db = await databases.CreateDbContextAsync();
        var open = await db.CommentFlags.AsNoTracking().Where(f => f.ResolvedAt == null)
            .Select(f => new { f.CommentId, f.Clause, f.CreatedAt }).ToListAsync();
        var reported = open.Select(f => f.CommentId).Distinct().ToList();
        var rows = await (
                from c in db.Comments.AsNoTracking()
                join s in db.Submissions on c.SubmissionId equals s.Id
                join u in db.Users on c.AuthorId equals u.Id into authors
                from u in authors.DefaultIfEmpty()
                where c.State == CommentState.Pending || (c.State == CommentState.Visible && reported.Contains(c.Id))
                orderby c.CreatedAt
                select new { c.Id, c.SubmissionId, Kind = EF.Property<string>(s, SubmissionConfiguration.KindColumn), s.Title, Name = u.DisplayName, c.Text, c.CreatedAt, c.State })
            .Take(QueueLimit).ToListAsync();
        var flags = open.ToLookup(f => f.CommentId);
        return rows.Select(r => new CommentQueueRow(
                r.Id, r.SubmissionId, Enum.Parse<SubmissionKind>(r.Kind), r.Title, r.Name ?? string.Empty, r.Text, r.CreatedAt, r.State,
                flags[r.Id].GroupBy(f => f.Clause).Select(g => (g.Key, g.Count())).ToList(),
                flags[r.Id].Select(f => f.CreatedAt).DefaultIfEmpty(r.CreatedAt).Min()))
            .OrderBy(r => r.Since).ToList();
    }

    /// <summary>Hides a visible or held comment citing a clause; its open reports are upheld.</summary>
    public Task<CommentResult> HideAsync(ClaimsPrincipal moderator, Guid commentId, string? clause) =>
        DecideAsync(moderator, commentId, CommentAudit.Hidden, [CommentState.Visible, CommentState.Pending], CommentState.Hidden, clause, FlagResolution.Hidden);

    /// <summary>Shows a hidden comment again.</summary>
    public Task<CommentResult> RestoreAsync(ClaimsPrincipal moderator, Guid commentId) =>
        DecideAsync(moderator, commentId, CommentAudit.Restored, [CommentState.Hidden], CommentState.Visible, null, null);

    /// <summary>Leaves a reported comment as it is and closes its reports.</summary>
    public Task<CommentResult> DismissAsync(ClaimsPrincipal moderator, Guid commentId) =>
        DecideAsync(moderator, commentId, CommentAudit.Dismissed, [CommentState.Visible], CommentState.Visible, null, FlagResolution.Dismissed);

    /// <summary>Publishes a held comment (pre-moderation); its author's followers are told as for any new comment.</summary>
    public Task<CommentResult> ApproveAsync(ClaimsPrincipal moderator, Guid commentId) =>
        DecideAsync(moderator, commentId, CommentAudit.Approved, [CommentState.Pending], CommentState.Visible, null, null);

    private async Task<CommentResult> DecideAsync(
        ClaimsPrincipal moderator, Guid commentId, AuditAction<CommentAudit> action, CommentState[] from, CommentState to, string? clause, FlagResolution? resolution)
    {
        if (await acting.ModeratorAsync(moderator) is not { Id: var moderatorId })
        {
            return CommentResult.Fail(CommentResult.NotAllowed);
        }

        if (to == CommentState.Hidden && (string.IsNullOrWhiteSpace(clause) || !ModerationClauses.IsKnown(clause.Trim())))
        {
            return CommentResult.Fail("Flag.ClauseRequired");
        }

        await using var db = await databases.CreateDbContextAsync();
        var comment = await db.Comments.SingleOrDefaultAsync(c => c.Id == commentId);
        if (comment is null || !from.Contains(comment.State))
        {
            return CommentResult.Fail(comment is null ? CommentResult.NotFound : CommentResult.NothingOpen);
        }

        var now = clock.GetUtcNow();
        var open = resolution is null ? [] : await db.CommentFlags.Where(f => f.CommentId == commentId && f.ResolvedAt == null).ToListAsync();
        if (action == CommentAudit.Dismissed && open.Count == 0)
        {
            return CommentResult.Fail(CommentResult.NothingOpen);
        }

        foreach (var flag in open)
        {
            flag.ResolvedAt = now;
            flag.ResolvedBy = moderatorId;
            flag.Resolution = resolution;
        }

        var before = comment.State;
        comment.State = to;
        comment.ModeratedAt = now;
        comment.ModeratedBy = moderatorId;
        comment.HiddenClause = to == CommentState.Hidden ? clause!.Trim() : comment.HiddenClause;
        Audit.Record(db, now, moderatorId, action, new AuditSubject("Comment", comment.Id.ToString()),
            new CommentAudit(comment.SubmissionId, to == CommentState.Hidden ? comment.HiddenClause : null, open.Count), before: before.ToString(), after: to.ToString());
        var told = action == CommentAudit.Approved ? await CommentService.TellFollowersAsync(db, comment) : [];
        await db.SaveChangesAsync();
        feed.Publish(new CommentsChanged(comment.SubmissionId));
        foreach (var notification in told)
        {
            feed.Publish(new NotificationCreated(notification.UserId, notification.Id));
        }

        return CommentResult.Ok(comment.Id, comment.State);
    }
}
