using DigitalAlmaty.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace DigitalAlmaty.Web.Areas.Identity.Pages.Account.Manage;

/// <summary>Turns two-step sign-in off; the authenticator key is kept, so it can be turned on again.</summary>
public sealed class Disable2faModel(
    UserManager<PortalUser> users,
    SignInManager<PortalUser> signIn,
    ILogger<Disable2faModel> logger) : ManagePageModel
{
    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return UserNotFound();
        }

        if (!await users.GetTwoFactorEnabledAsync(user))
        {
            StatusMessage = "TwoFactor.AlreadyOff";
            return RedirectToPage("./TwoFactorAuthentication");
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return UserNotFound();
        }

        var result = await users.SetTwoFactorEnabledAsync(user, false);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(string.Empty, error.Description);
            }

            return Page();
        }

        await signIn.RefreshSignInAsync(user);
        logger.LogInformation("User {UserId} turned two-step sign-in off.", user.Id);
        StatusMessage = "TwoFactor.Disabled";
        return RedirectToPage("./TwoFactorAuthentication");
    }
}
