using System.Security.Claims;

namespace DigitalAlmaty.Web.Features.Accounts;

public static class PortalClaims
{
    public static string DisplayName(this ClaimsPrincipal user) =>
        user.FindFirstValue(PortalClaimsFactory.DisplayNameClaim) ?? string.Empty;
}
