using System.ComponentModel.DataAnnotations;
using DigitalAlmaty.Web.Data;
using DigitalAlmaty.Web.Resources;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace DigitalAlmaty.Web.Areas.Identity.Pages.Account;

[AllowAnonymous]
public sealed class LoginModel(
    SignInManager<PortalUser> signIn, UserManager<PortalUser> users, TimeProvider clock, IStringLocalizer<AccountText> text,
    Features.Blocking.GovernanceMessages governance, Features.Accounts.ActivityRecorder activity,
    Features.Security.AccountSecurity security) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public bool ShowResendLink { get; private set; }

    /// <summary>Shown to a blocked user who gave the right password: the reason, the end date and how to appeal.</summary>
    public string? BlockedNotice { get; private set; }

    /// <summary>Shown to a user who reported unauthorised access and gave the right password: set a new one first (4.3.3).</summary>
    public bool ResetRequired { get; private set; }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Validation.Required")]
        [EmailAddress(ErrorMessage = "Validation.Email")]
        [StringLength(256, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "Field.Email")]
        public string Email { get; set; } = string.Empty;

        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(200, ErrorMessage = "Validation.TooLong")]
        [DataType(DataType.Password)]
        [Display(Name = "Field.Password")]
        public string Password { get; set; } = string.Empty;

        [Display(Name = "Field.RememberMe")]
        public bool RememberMe { get; set; }
    }

    public async Task OnGetAsync()
    {
        // A fresh sign-in page starts from a clean state, whatever a previous half-finished sign-in left.
        await HttpContext.SignOutAsync(IdentityConstants.ExternalScheme);
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await signIn.PasswordSignInAsync(Input.Email.Trim(), Input.Password, Input.RememberMe, lockoutOnFailure: true);
        var account = await users.FindByEmailAsync(Input.Email.Trim());
        if (account is not null && !result.RequiresTwoFactor)
        {
            // The owner sees every attempt on the account; a correct password awaiting its code is recorded on the next step.
            await security.RecordSignInAsync(account.Id, HttpContext, result.Succeeded, Features.Security.AccountSecurity.ByPassword);
        }

        if (result.Succeeded)
        {
            if (account is not null)
            {
                await activity.SignedInAsync(account.Id);
            }

            return LocalRedirect(AccountLinks.SafeReturnUrl(Url, ReturnUrl));
        }

        if (result.RequiresTwoFactor)
        {
            return RedirectToPage("./LoginWith2fa", new { ReturnUrl, Input.RememberMe });
        }

        // PortalSignInManager answers "not allowed" only after the right password (a wrong one counts
        // toward lockout like any other), so the account's state is told only to someone who knows it.
        if (result.IsNotAllowed && account is not null)
        {
            if (account.IsBlockedAt(clock.GetUtcNow()))
            {
                BlockedNotice = governance.Blocked(account.BlockedUntil!.Value, account.BlockClause, account.BlockReason);
                return Page();
            }

            if (account.PasswordResetRequired)
            {
                ResetRequired = true;
                return Page();
            }

            if (!account.EmailConfirmed)
            {
                ShowResendLink = true;
                ModelState.AddModelError(string.Empty, text["Login.NotConfirmed"]);
                return Page();
            }
        }

        // Locked-out, unknown and wrong-password attempts all get the same answer (clause 4.4.6).
        ModelState.AddModelError(string.Empty, text["Login.Failed"]);
        return Page();
    }
}
