using System.Security.Claims;
using DigitalAlmaty.Web.Data;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace DigitalAlmaty.Web.Features.Accounts;

/// <summary>
/// Re-checks an open circuit's user every minute against the database (security stamp), so that a
/// password change, a sign-out everywhere or a block reaches interactive pages without a reload.
/// </summary>
public sealed class PortalAuthenticationStateProvider(
    ILoggerFactory loggerFactory,
    IServiceScopeFactory scopes,
    IOptions<IdentityOptions> identityOptions)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => TimeSpan.FromMinutes(1);

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = await users.GetUserAsync(authenticationState.User);
        if (user is null || user.IsBlockedAt(DateTimeOffset.UtcNow))
        {
            return false;
        }

        if (!users.SupportsUserSecurityStamp)
        {
            return true;
        }

        var stampInCookie = authenticationState.User.FindFirstValue(identityOptions.Value.ClaimsIdentity.SecurityStampClaimType);
        return stampInCookie == await users.GetSecurityStampAsync(user);
    }
}
