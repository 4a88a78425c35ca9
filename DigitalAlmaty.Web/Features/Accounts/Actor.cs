using DigitalAlmaty.Domain.Accounts;

namespace DigitalAlmaty.Web.Features.Accounts;

/// <summary>The acting user as the database says at this moment: id and current staff roles.</summary>
public sealed record Actor(string Id, IReadOnlySet<string> Roles)
{
    public bool IsAdmin => Roles.Contains(PortalRoles.Admin);

    public bool IsModerator => IsAdmin || Roles.Contains(PortalRoles.Moderator);

    public bool IsEditor => IsAdmin || Roles.Contains(PortalRoles.Editor);
}
