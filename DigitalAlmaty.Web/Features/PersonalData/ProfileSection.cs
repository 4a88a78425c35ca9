using DigitalAlmaty.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace DigitalAlmaty.Web.Features.PersonalData;

/// <summary>The account: names, address, language, roles, a block in force. Never the password hash or security stamps.</summary>
internal sealed class ProfileSection : IUserDataSection
{
    public string Name => "profile";

    public int Order => 0;

    public async Task<object?> ReadAsync(PortalDbContext db, string userId, UserDataAudience audience, CancellationToken cancellationToken)
    {
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.Id == userId, cancellationToken);
        var roles = await (
            from ur in db.UserRoles
            join r in db.Roles on ur.RoleId equals r.Id
            where ur.UserId == userId
            orderby r.Name
            select r.Name).ToListAsync(cancellationToken);
        return new
        {
            user.Id,
            user.DisplayName,
            user.Email,
            user.EmailConfirmed,
            user.PhoneNumber,
            user.PreferredCulture,
            user.CreatedAt,
            user.LastActivityAt,
            user.TwoFactorEnabled,
            Roles = roles,
            Block = user.BlockedUntil is { } until
                ? new { Until = until == DateTimeOffset.MaxValue ? null : (DateTimeOffset?)until, Permanent = until == DateTimeOffset.MaxValue, Clause = user.BlockClause, Reason = user.BlockReason }
                : null,
        };
    }
}
