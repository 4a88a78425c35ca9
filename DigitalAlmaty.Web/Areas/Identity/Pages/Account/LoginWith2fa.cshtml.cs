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
public sealed class LoginWith2faModel(
    SignInManager<PortalUser> signIn, IStringLocalizer<AccountText> text,
    Features.Accounts.ActivityRecorder activity, Features.Security.AccountSecurity security) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool RememberMe { get; set; }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Validation.Code")]
        [RegularExpression(@"^\s*\d{3}[\s-]?\d{3}\s*$", ErrorMessage = "Validation.Code")]
        [Display(Name = "Field.TwoFactorCode")]
        public string Code { get; set; } = string.Empty;

        [Display(Name = "Field.RememberMachine")]
        public bool RememberMachine { get; set; }
    }

    public async Task<IActionResult> OnGetAsync()
    {
        // Only reachable after a correct password; otherwise start again.
        return await signIn.GetTwoFactorAuthenticationUserAsync() is null
            ? RedirectToPage("./Login", new { ReturnUrl })
            : Page();
    }

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

        var code = new string(Input.Code.Where(char.IsDigit).ToArray());
        var result = await signIn.TwoFactorAuthenticatorSignInAsync(code, RememberMe, Input.RememberMachine);
        await security.RecordSignInAsync(user.Id, HttpContext, result.Succeeded, Features.Security.AccountSecurity.ByAuthenticator);
        if (result.Succeeded)
        {
            await activity.SignedInAsync(user.Id);
            return LocalRedirect(AccountLinks.SafeReturnUrl(Url, ReturnUrl));
        }

        ModelState.AddModelError(string.Empty, result.IsLockedOut ? text["Lockout.Text"] : text["TwoFactor.Invalid"]);
        return Page();
    }
}
