using DigitalAlmaty.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace DigitalAlmaty.Web.Areas.Identity.Pages.Account.Manage;

/// <summary>Issues a new authenticator key: the old app entry stops working and two-step sign-in is off until set up again.</summary>
public sealed class ResetAuthenticatorModel(
    UserManager<PortalUser> users,
    SignInManager<PortalUser> signIn,
    ILogger<ResetAuthenticatorModel> logger) : ManagePageModel
{
    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        return user is null ? UserNotFound() : Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return UserNotFound();
        }

        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await signIn.RefreshSignInAsync(user);
        logger.LogInformation("User {UserId} reset their authenticator key.", user.Id);
        StatusMessage = "Authenticator.ResetDone";
        return RedirectToPage("./EnableAuthenticator");
    }
}
