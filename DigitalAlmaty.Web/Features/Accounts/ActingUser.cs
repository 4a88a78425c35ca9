using System.Security.Claims;
using DigitalAlmaty.Domain.Accounts;
using DigitalAlmaty.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DigitalAlmaty.Web.Features.Accounts;

/// <summary>
/// "Who is acting", read fresh from the database at the moment of a privileged action. A principal
/// is a copy made when the session (or the circuit) began: its roles may have been revoked since,
/// its owner blocked or annulled. Services ask here instead of trusting that copy.
/// </summary>
public sealed class ActingUser(IDbContextFactory<PortalDbContext> databases, TimeProvider clock, IOptions<IdentityOptions> identity)
{
    /// <summary>The principal's user id, without any check (null for anonymous).</summary>
    public static string? Id(ClaimsPrincipal principal) =>
        principal.Identity?.IsAuthenticated == true ? principal.FindFirstValue(ClaimTypes.NameIdentifier) : null;

    /// <summary>
    /// Whether the principal's cookie says moderator (or admin): enough to choose what to show, never
    /// to let an action through; actions ask <see cref="ModeratorAsync"/>, which reads the database.
    /// </summary>
    public static bool ClaimsModerator(ClaimsPrincipal principal) =>
        principal.IsInRole(PortalRoles.Moderator) || principal.IsInRole(PortalRoles.Admin);

    /// <summary>
    /// The acting user now, or null when the principal is anonymous, its user is gone, annulled,
    /// blocked or must reset the password, or its session was ended since it began (the security
    /// stamp it carries is no longer the user's).
    /// </summary>
    public async Task<Actor?> ResolveAsync(ClaimsPrincipal principal, CancellationToken cancellationToken = default)
    {
        if (Id(principal) is not { } id)
        {
            return null;
        }

        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == id, cancellationToken);
        if (user is null || user.AnnulledAt is not null || user.PasswordResetRequired || user.IsBlockedAt(clock.GetUtcNow()))
        {
            return null;
        }

        var stamp = principal.FindFirstValue(identity.Value.ClaimsIdentity.SecurityStampClaimType);
        if (stamp is not null && stamp != user.SecurityStamp)
        {
            return null;
        }

        return new Actor(id, await RolesAsync(db, id, cancellationToken));
    }

    /// <summary>The staff roles <paramref name="userId"/> holds in the database now.</summary>
    public static async Task<IReadOnlySet<string>> RolesAsync(PortalDbContext db, string userId, CancellationToken cancellationToken = default) =>
        (await (
                from link in db.UserRoles
                join role in db.Roles on link.RoleId equals role.Id
                where link.UserId == userId
                select role.Name)
            .ToListAsync(cancellationToken))
        .OfType<string>().ToHashSet(StringComparer.Ordinal);

    /// <summary>The acting user if they hold one of <paramref name="roles"/> now (Admin counts for Moderator and Editor); otherwise null.</summary>
    public async Task<Actor?> InRoleAsync(ClaimsPrincipal principal, params string[] roles)
    {
        var actor = await ResolveAsync(principal);
        if (actor is null)
        {
            return null;
        }

        foreach (var role in roles)
        {
            var holds = role switch
            {
                PortalRoles.Moderator => actor.IsModerator,
                PortalRoles.Editor => actor.IsEditor,
                _ => actor.Roles.Contains(role),
            };
            if (holds)
            {
                return actor;
            }
        }

        return null;
    }

    public Task<Actor?> ModeratorAsync(ClaimsPrincipal principal) => InRoleAsync(principal, PortalRoles.Moderator);

    public Task<Actor?> EditorAsync(ClaimsPrincipal principal) => InRoleAsync(principal, PortalRoles.Editor);

    public Task<Actor?> AdminAsync(ClaimsPrincipal principal) => InRoleAsync(principal, PortalRoles.Admin);
}
