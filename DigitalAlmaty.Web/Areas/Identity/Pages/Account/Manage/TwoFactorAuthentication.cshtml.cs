using DigitalAlmaty.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace DigitalAlmaty.Web.Areas.Identity.Pages.Account.Manage;

/// <summary>Overview of two-step sign-in: its state, the recovery codes left, and this browser.</summary>
public sealed class TwoFactorAuthenticationModel(
    UserManager<PortalUser> users,
    SignInManager<PortalUser> signIn,
    ILogger<TwoFactorAuthenticationModel> logger) : ManagePageModel
{
    public bool HasAuthenticator { get; private set; }

    public bool IsTwoFactorEnabled { get; private set; }

    public bool IsMachineRemembered { get; private set; }

    public int RecoveryCodesLeft { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return UserNotFound();
        }

        HasAuthenticator = !string.IsNullOrEmpty(await users.GetAuthenticatorKeyAsync(user));
        IsTwoFactorEnabled = await users.GetTwoFactorEnabledAsync(user);
        IsMachineRemembered = await signIn.IsTwoFactorClientRememberedAsync(user);
        RecoveryCodesLeft = await users.CountRecoveryCodesAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostForgetBrowserAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return UserNotFound();
        }

        await signIn.ForgetTwoFactorClientAsync();
        logger.LogInformation("User {UserId} made this browser ask for the second step again.", user.Id);
        StatusMessage = "TwoFactor.BrowserForgotten";
        return RedirectToPage();
    }
}
