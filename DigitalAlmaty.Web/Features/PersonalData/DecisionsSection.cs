using DigitalAlmaty.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace DigitalAlmaty.Web.Features.PersonalData;

/// <summary>Decisions the user took as a moderator on other people's items.</summary>
internal sealed class DecisionsSection : IUserDataSection
{
    public string Name => "moderationDecisions";

    public int Order => 20;

    public async Task<object?> ReadAsync(PortalDbContext db, string userId, UserDataAudience audience, CancellationToken cancellationToken)
    {
        var items = await db.Submissions.AsNoTracking()
            .Where(s => s.AuthorId != userId && s.History.Any(h => h.ActorId == userId))
            .ToListAsync(cancellationToken);
        return items
            .SelectMany(s => s.History.Where(h => h.ActorId == userId).Select(h => new
            {
                SubmissionId = s.Id,
                Kind = s.Kind.ToString(),
                h.At,
                Action = h.Action.ToString(),
                From = h.From.ToString(),
                To = h.To.ToString(),
                h.Message,
                Clauses = h.ClauseIds,
            }))
            .OrderBy(d => d.At)
            .ToList();
    }
}
