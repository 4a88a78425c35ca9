using DigitalAlmaty.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace DigitalAlmaty.Web.Features.PersonalData;

/// <summary>
/// Reports the user sent, and reports others sent about the user's items (without the readers:
/// their identity is their own data).
/// </summary>
internal sealed class FlagsSection : IUserDataSection
{
    public string Name => "flags";

    public int Order => 50;

    public async Task<object?> ReadAsync(PortalDbContext db, string userId, UserDataAudience audience, CancellationToken cancellationToken)
    {
        var sent = (await db.ContentFlags.AsNoTracking().Where(f => f.ReporterId == userId).ToListAsync(cancellationToken))
            .OrderBy(f => f.CreatedAt)
            .Select(f => new { f.SubmissionId, f.Clause, f.Message, f.CreatedAt, Resolution = f.Resolution?.ToString(), f.ResolvedAt })
            .ToList();
        var received = (await (
                from f in db.ContentFlags.AsNoTracking()
                join s in db.Submissions on f.SubmissionId equals s.Id
                where s.AuthorId == userId
                select f).ToListAsync(cancellationToken))
            .OrderBy(f => f.CreatedAt)
            .Select(f => new { f.SubmissionId, f.Clause, f.Message, f.CreatedAt, Resolution = f.Resolution?.ToString(), f.ResolvedAt })
            .ToList();
        return new { Sent = sent, Received = received };
    }
}
