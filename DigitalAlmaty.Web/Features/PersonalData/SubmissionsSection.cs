using DigitalAlmaty.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace DigitalAlmaty.Web.Features.PersonalData;

/// <summary>
/// The user's ideas and events with every field, every submitted version and the whole history,
/// including the moderators' decisions on them (who decided is staff data and is left out).
/// </summary>
internal sealed class SubmissionsSection : IUserDataSection
{
    public string Name => "submissions";

    public int Order => 10;

    public async Task<object?> ReadAsync(PortalDbContext db, string userId, UserDataAudience audience, CancellationToken cancellationToken)
    {
        var items = await db.Submissions.AsNoTracking().Where(s => s.AuthorId == userId).OrderBy(s => s.CreatedAt).ToListAsync(cancellationToken);
        return items.Select(s => new
        {
            s.Id,
            Kind = s.Kind.ToString(),
            s.Title,
            Status = s.Status.ToString(),
            s.CreatedAt,
            s.UpdatedAt,
            s.SubmittedAt,
            s.PublishedAt,
            Fields = s.SnapshotFields(),
            Versions = s.Versions.OrderBy(v => v.Number).Select(v => new { v.Number, v.SubmittedAt, v.Fields }),
            History = s.History.OrderBy(h => h.Sequence).Select(h => new
            {
                h.Sequence,
                h.At,
                By = h.ActorId == userId ? "author" : "moderator",
                Action = h.Action.ToString(),
                From = h.From.ToString(),
                To = h.To.ToString(),
                h.Message,
                Clauses = h.ClauseIds,
            }),
        }).ToList();
    }
}
