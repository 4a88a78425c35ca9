using System.ComponentModel.DataAnnotations;
using DigitalAlmaty.Web.Data;
using DigitalAlmaty.Web.Features.Security;
using DigitalAlmaty.Web.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace DigitalAlmaty.Web.Areas.Identity.Pages.Account;

[AllowAnonymous]
[TokenInAddress]
public sealed class ResetPasswordModel(UserManager<PortalUser> users, IStringLocalizer<AccountText> text) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        public string Code { get; set; } = string.Empty;

        [Required(ErrorMessage = "Validation.Required")]
        [EmailAddress(ErrorMessage = "Validation.Email")]
        [StringLength(256, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "Field.Email")]
        public string Email { get; set; } = string.Empty;

        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(200, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "Field.NewPassword")]
        public string Password { get; set; } = string.Empty;

        [Required(ErrorMessage = "Validation.Required")]
        [Compare(nameof(Password), ErrorMessage = "Validation.PasswordsDiffer")]
        [Display(Name = "Field.ConfirmPassword")]
        public string ConfirmPassword { get; set; } = string.Empty;
    }

    public void OnGet(string? code)
    {
        Input.Code = AccountLinks.DecodeToken(code) is null ? string.Empty : code!;
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var token = AccountLinks.DecodeToken(Input.Code);
        var user = await users.FindByEmailAsync(Input.Email.Trim());
        if (token is null || user is null)
        {
            // Same message for an unknown address as for a stale link (clause 4.4.6).
            ModelState.AddModelError(string.Empty, text["Reset.InvalidLink"]);
            return Page();
        }

        // A new password is what a report of unauthorised access (4.3.3) waits for; saved only if the reset succeeds.
        user.PasswordResetRequired = false;
        var result = await users.ResetPasswordAsync(user, token, Input.Password);
        if (result.Succeeded)
        {
            // A reset ends the lockout that may have led here.
            await users.SetLockoutEndDateAsync(user, null);
            await users.ResetAccessFailedCountAsync(user);
            return RedirectToPage("./ResetPasswordConfirmation");
        }

        foreach (var error in result.Errors)
        {
            var field = error.Code.StartsWith("Password", StringComparison.Ordinal) && error.Code != "PasswordMismatch"
                ? $"{nameof(Input)}.{nameof(Input.Password)}"
                : string.Empty;
            ModelState.AddModelError(field, error.Code == "InvalidToken" ? text["Reset.InvalidLink"] : error.Description);
        }

        return Page();
    }
}
