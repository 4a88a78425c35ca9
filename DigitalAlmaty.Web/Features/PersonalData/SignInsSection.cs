using DigitalAlmaty.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace DigitalAlmaty.Web.Features.PersonalData;

/// <summary>Sign-in attempts on the account (4.3.3): time, address, browser, outcome.</summary>
internal sealed class SignInsSection : IUserDataSection
{
    public string Name => "signIns";

    public int Order => 65;

    public async Task<object?> ReadAsync(PortalDbContext db, string userId, UserDataAudience audience, CancellationToken cancellationToken) =>
        await db.SignIns.AsNoTracking()
            .Where(s => s.UserId == userId)
            .OrderByDescending(s => s.Id)
            .Select(s => new { s.At, s.IpAddress, s.UserAgent, s.Succeeded, s.Method })
            .ToListAsync(cancellationToken);
}
