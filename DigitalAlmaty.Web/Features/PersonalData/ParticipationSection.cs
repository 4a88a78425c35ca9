using DigitalAlmaty.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace DigitalAlmaty.Web.Features.PersonalData;

/// <summary>
/// The user's comments (with their state, hidden ones included), the reports they sent on comments,
/// the ideas they support and the items they follow.
/// </summary>
internal sealed class ParticipationSection : IUserDataSection
{
    public string Name => "participation";

    public int Order => 55;

    public async Task<object?> ReadAsync(PortalDbContext db, string userId, UserDataAudience audience, CancellationToken cancellationToken)
    {
        var comments = (await db.Comments.AsNoTracking().Where(c => c.AuthorId == userId).ToListAsync(cancellationToken))
            .OrderBy(c => c.CreatedAt)
            .Select(c => new { c.Id, c.SubmissionId, c.ParentId, c.Text, c.CreatedAt, c.EditedAt, State = c.State.ToString(), c.HiddenClause })
            .ToList();
        var commentReports = (await db.CommentFlags.AsNoTracking().Where(f => f.ReporterId == userId).ToListAsync(cancellationToken))
            .OrderBy(f => f.CreatedAt)
            .Select(f => new { f.CommentId, f.Clause, f.Message, f.CreatedAt, Resolution = f.Resolution?.ToString(), f.ResolvedAt })
            .ToList();
        var supports = (await db.IdeaSupports.AsNoTracking().Where(s => s.UserId == userId).ToListAsync(cancellationToken))
            .OrderBy(s => s.CreatedAt).Select(s => new { s.IdeaId, s.CreatedAt }).ToList();
        var follows = (await db.Follows.AsNoTracking().Where(f => f.UserId == userId).ToListAsync(cancellationToken))
            .OrderBy(f => f.CreatedAt).Select(f => new { f.SubmissionId, f.CreatedAt }).ToList();
        return new { Comments = comments, CommentReports = commentReports, Supports = supports, Follows = follows };
    }
}
