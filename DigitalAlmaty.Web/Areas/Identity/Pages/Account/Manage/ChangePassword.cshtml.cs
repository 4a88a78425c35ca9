using DigitalAlmaty.Web.Data;
using DigitalAlmaty.Web.Resources;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace DigitalAlmaty.Web.Areas.Identity.Pages.Account.Manage;

public sealed class ChangePasswordModel(
    UserManager<PortalUser> users,
    SignInManager<PortalUser> signIn,
    IStringLocalizer<ManageText> text,
    ILogger<ChangePasswordModel> logger) : ManagePageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public bool HasPassword { get; private set; } = true;

    public sealed class InputModel
    {
        public string? OldPassword { get; set; }

        public string? NewPassword { get; set; }

        public string? ConfirmPassword { get; set; }
    }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return UserNotFound();
        }

        HasPassword = await users.HasPasswordAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return UserNotFound();
        }

        HasPassword = await users.HasPasswordAsync(user);
        ModelState.Clear();
        if (string.IsNullOrEmpty(Input.OldPassword))
        {
            ModelState.AddModelError("Input.OldPassword", text["Password.Old.Required"]);
        }

        if (string.IsNullOrEmpty(Input.NewPassword))
        {
            ModelState.AddModelError("Input.NewPassword", text["Password.New.Required"]);
        }
        else if (Input.NewPassword != Input.ConfirmPassword)
        {
            ModelState.AddModelError("Input.ConfirmPassword", text["Password.Confirm.Mismatch"]);
        }

        if (!ModelState.IsValid || !HasPassword)
        {
            return Page();
        }

        var result = await users.ChangePasswordAsync(user, Input.OldPassword!, Input.NewPassword!);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                if (error.Code == nameof(IdentityErrorDescriber.PasswordMismatch))
                {
                    ModelState.AddModelError("Input.OldPassword", text["Password.Old.Wrong"]);
                }
                else if (error.Code.StartsWith("Password", StringComparison.Ordinal))
                {
                    ModelState.AddModelError("Input.NewPassword", error.Description);
                }
                else
                {
                    ModelState.AddModelError(string.Empty, error.Description);
                }
            }

            return Page();
        }

        // The password change renews the security stamp; renew this browser's cookie so it stays signed in.
        await signIn.RefreshSignInAsync(user);
        logger.LogInformation("User {UserId} changed their password.", user.Id);
        StatusMessage = "Password.Changed";
        return RedirectToPage();
    }
}
