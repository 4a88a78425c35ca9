using DigitalAlmaty.Domain.Flags;
using DigitalAlmaty.Domain.Participation;
using DigitalAlmaty.Web.Data;
using DigitalAlmaty.Web.Data.Auditing;
using DigitalAlmaty.Web.Features.Blocking;
using DigitalAlmaty.Web.Realtime;
using Microsoft.EntityFrameworkCore;

namespace DigitalAlmaty.Web.Features.Participation;

/// <summary>
/// A block that hides what the user published hides their comments too (visible and held ones),
/// citing the block's clause, each audited as a moderator's hide; their open reports are upheld.
/// </summary>
internal sealed class BlockedUserComments(IDbContextFactory<PortalDbContext> databases, TimeProvider clock, PortalEventFeed feed) : IBlockedUserContent
{
    public async Task<int> HideAsync(string adminId, string userId, string clause, string message)
    {
        await using var db = await databases.CreateDbContextAsync();
        var comments = await db.Comments.Where(c => c.AuthorId == userId && (c.State == CommentState.Visible || c.State == CommentState.Pending)).ToListAsync();
        if (comments.Count == 0)
        {
            return 0;
        }

        var now = clock.GetUtcNow();
        var ids = comments.Select(c => c.Id).ToList();
        var flags = await db.CommentFlags.Where(f => ids.Contains(f.CommentId) && f.ResolvedAt == null).ToListAsync();
        foreach (var flag in flags)
        {
            flag.ResolvedAt = now;
            flag.ResolvedBy = adminId;
            flag.Resolution = FlagResolution.Hidden;
        }

        foreach (var comment in comments)
        {
            var before = comment.State;
            comment.State = CommentState.Hidden;
            comment.ModeratedAt = now;
            comment.ModeratedBy = adminId;
            comment.HiddenClause = clause;
            Audit.Record(db, now, adminId, CommentAudit.Hidden, new AuditSubject("Comment", comment.Id.ToString()),
                new CommentAudit(comment.SubmissionId, clause, flags.Count(f => f.CommentId == comment.Id)), before: before.ToString(), after: comment.State.ToString());
        }

        await db.SaveChangesAsync();
        foreach (var item in comments.Select(c => c.SubmissionId).Distinct())
        {
            feed.Publish(new CommentsChanged(item));
        }

        return comments.Count;
    }
}
