using System.ComponentModel.DataAnnotations;
using DigitalAlmaty.Web.Data;
using DigitalAlmaty.Web.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace DigitalAlmaty.Web.Areas.Identity.Pages.Account;

[AllowAnonymous]
public sealed class LoginWithRecoveryCodeModel(
    SignInManager<PortalUser> signIn, IStringLocalizer<AccountText> text,
    Features.Accounts.ActivityRecorder activity, Features.Security.AccountSecurity security) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(64, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "Field.RecoveryCode")]
        public string RecoveryCode { get; set; } = string.Empty;
    }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("./Login", new { ReturnUrl }) : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (await signIn.GetTwoFactorAuthenticationUserAsync() is not { } user)
        {
            ModelState.AddModelError(string.Empty, text["TwoFactor.SessionExpired"]);
            return Page();
        }

        var result = await signIn.TwoFactorRecoveryCodeSignInAsync(Input.RecoveryCode.Replace(" ", string.Empty, StringComparison.Ordinal));
        await security.RecordSignInAsync(user.Id, HttpContext, result.Succeeded, Features.Security.AccountSecurity.ByRecoveryCode);
        if (result.Succeeded)
        {
            await activity.SignedInAsync(user.Id);
            return LocalRedirect(AccountLinks.SafeReturnUrl(Url, ReturnUrl));
        }

        ModelState.AddModelError(string.Empty, result.IsLockedOut ? text["Lockout.Text"] : text["Recovery.Invalid"]);
        return Page();
    }
}
