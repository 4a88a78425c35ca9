using DigitalAlmaty.Web.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace DigitalAlmaty.Web.Features.Blocking;

/// <summary>
/// Identity's sign-in with one more rule: a blocked account cannot sign in by any path (password,
/// two-factor, recovery code, cookie refresh). The sign-in page then explains the block.
/// </summary>
public sealed class PortalSignInManager(
    UserManager<PortalUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<PortalUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<PortalUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<PortalUser> confirmation,
    TimeProvider clock)
    : SignInManager<PortalUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(PortalUser user) =>
        user.AnnulledAt is null && !user.PasswordResetRequired && !user.IsBlockedAt(clock.GetUtcNow()) && await base.CanSignInAsync(user);
}
