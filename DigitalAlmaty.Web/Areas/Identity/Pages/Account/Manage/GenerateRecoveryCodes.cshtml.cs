using DigitalAlmaty.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace DigitalAlmaty.Web.Areas.Identity.Pages.Account.Manage;

/// <summary>Replaces all recovery codes with new ones after the user confirms.</summary>
public sealed class GenerateRecoveryCodesModel(
    UserManager<PortalUser> users,
    ILogger<GenerateRecoveryCodesModel> logger) : ManagePageModel
{
    [TempData]
    public string[]? RecoveryCodes { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return UserNotFound();
        }

        if (!await users.GetTwoFactorEnabledAsync(user))
        {
            StatusMessage = "RecoveryCodes.NeedsTwoFactor";
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

        if (!await users.GetTwoFactorEnabledAsync(user))
        {
            StatusMessage = "RecoveryCodes.NeedsTwoFactor";
            return RedirectToPage("./TwoFactorAuthentication");
        }

        var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, EnableAuthenticatorModel.RecoveryCodeCount);
        RecoveryCodes = codes?.ToArray();
        logger.LogInformation("User {UserId} generated new recovery codes.", user.Id);
        StatusMessage = "RecoveryCodes.Generated";
        return RedirectToPage("./ShowRecoveryCodes");
    }
}
