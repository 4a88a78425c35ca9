using System.ComponentModel.DataAnnotations;
using DigitalAlmaty.Web.Data;
using DigitalAlmaty.Web.Resources;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace DigitalAlmaty.Web.Areas.Identity.Pages.Account.Manage;

public sealed class ChangePasswordModel(
    UserManager<PortalUser> users,
    SignInManager<PortalUser> signIn,
    IStringLocalizer<AccountText> text,
    ILogger<ChangePasswordModel> logger) : ManagePageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public bool HasPassword { get; private set; } = true;

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(200, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "Manage.Field.OldPassword")]
        public string OldPassword { get; set; } = string.Empty;

        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(200, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "Field.NewPassword")]
        public string NewPassword { get; set; } = string.Empty;

        [Compare(nameof(NewPassword), ErrorMessage = "Validation.PasswordsDiffer")]
        [Display(Name = "Manage.Field.ConfirmNewPassword")]
        public string ConfirmPassword { get; set; } = string.Empty;
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
        if (!ModelState.IsValid || !HasPassword)
        {
            return Page();
        }

        var result = await users.ChangePasswordAsync(user, Input.OldPassword, Input.NewPassword);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                if (error.Code == nameof(IdentityErrorDescriber.PasswordMismatch))
                {
                    ModelState.AddModelError("Input.OldPassword", text["Manage.Validation.OldPasswordWrong"]);
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
