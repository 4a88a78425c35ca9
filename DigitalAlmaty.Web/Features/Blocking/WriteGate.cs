using DigitalAlmaty.Domain.Time;
using DigitalAlmaty.Web.Data;
using DigitalAlmaty.Web.Features.Agreement;
using Microsoft.EntityFrameworkCore;

namespace DigitalAlmaty.Web.Features.Blocking;

/// <summary>
/// Checked on the server before every write of a user's content: a blocked user writes nothing, and
/// after a notable agreement version nobody writes before accepting it. Reading stays open.
/// </summary>
public sealed class WriteGate(IDbContextFactory<PortalDbContext> databases, TimeProvider clock)
{
    public async Task<WriteRefusal?> RefusalAsync(string userId)
    {
        await using var db = await databases.CreateDbContextAsync();
        var now = clock.GetUtcNow();
        var user = await db.Users.AsNoTracking()
            .Where(u => u.Id == userId)
            .Select(u => new { u.BlockedUntil, u.BlockClause, u.BlockReason, u.PasswordResetRequired, u.AnnulledAt })
            .SingleOrDefaultAsync();
        if (user is not null && (user.PasswordResetRequired || user.AnnulledAt is not null))
        {
            // An open circuit of an ended session must not keep writing (4.3.3, 4.1.4).
            return new WriteRefusal(WriteRefusal.SessionEnded);
        }

        if (user?.BlockedUntil is { } until && until > now)
        {
            return new WriteRefusal(WriteRefusal.Blocked, until, user.BlockClause, user.BlockReason);
        }

        var standing = await AgreementService.StandingAsync(db, userId, AlmatyTime.Today(now));
        return standing.MustAccept is null ? null : new WriteRefusal(WriteRefusal.AgreementRequired);
    }
}
