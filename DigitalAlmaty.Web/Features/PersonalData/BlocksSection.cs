using DigitalAlmaty.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace DigitalAlmaty.Web.Features.PersonalData;

/// <summary>Blocks of the account, with their reasons (which administrator blocked is staff data and is left out).</summary>
internal sealed class BlocksSection : IUserDataSection
{
    public string Name => "blocks";

    public int Order => 40;

    public async Task<object?> ReadAsync(PortalDbContext db, string userId, UserDataAudience audience, CancellationToken cancellationToken) =>
        (await db.UserBlocks.AsNoTracking().Where(b => b.UserId == userId).ToListAsync(cancellationToken))
            .OrderBy(b => b.BlockedAt)
            .Select(b => new
            {
                b.BlockedAt,
                Until = b.Until == DateTimeOffset.MaxValue ? null : (DateTimeOffset?)b.Until,
                Permanent = b.Until == DateTimeOffset.MaxValue,
                b.Clause,
                b.Reason,
                b.UnblockedAt,
            })
            .ToList();
}
