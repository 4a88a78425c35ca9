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

    /// <summary>
    /// Identity answers "not allowed" before it looks at the password, so that answer would tell a
    /// stranger the account's state, and guesses against such an account would never count toward
    /// lockout. Here an account that may not sign in (blocked, reset required, unconfirmed) is
    /// treated like any other: a locked account is refused unchecked, a wrong password counts as a
    /// failure, and "not allowed" comes only after the right password.
    /// </summary>
    public override async Task<SignInResult> CheckPasswordSignInAsync(PortalUser user, string password, bool lockoutOnFailure)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (await IsLockedOut(user))
        {
            SpendAPasswordCheck(password);
            return await LockedOut(user);
        }

        if (await CanSignInAsync(user))
        {
            return await base.CheckPasswordSignInAsync(user, password, lockoutOnFailure);
        }

        if (await UserManager.CheckPasswordAsync(user, password))
        {
            return SignInResult.NotAllowed;
        }

        if (lockoutOnFailure && UserManager.SupportsUserLockout)
        {
            await UserManager.AccessFailedAsync(user);
            if (await UserManager.IsLockedOutAsync(user))
            {
                return await LockedOut(user);
            }
        }

        return SignInResult.Failed;
    }

    /// <summary>An unknown address costs the same password hashing as a known one, so timing does not tell them apart.</summary>
    public override async Task<SignInResult> PasswordSignInAsync(string userName, string password, bool isPersistent, bool lockoutOnFailure)
    {
        var user = await UserManager.FindByNameAsync(userName);
        if (user is null)
        {
            SpendAPasswordCheck(password);
            return SignInResult.Failed;
        }

        return await PasswordSignInAsync(user, password, isPersistent, lockoutOnFailure);
    }

    private static string? _unusedHash;

    private void SpendAPasswordCheck(string password)
    {
        var hasher = UserManager.PasswordHasher;
        _unusedHash ??= hasher.HashPassword(new PortalUser(), Guid.NewGuid().ToString("N"));
        _ = hasher.VerifyHashedPassword(new PortalUser(), _unusedHash, password ?? string.Empty);
    }
}
