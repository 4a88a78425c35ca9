using DigitalAlmaty.Web.Data;
using DigitalAlmaty.Web.Features.Mail;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DigitalAlmaty.Web.Areas.Identity.Pages.Account;

[AllowAnonymous]
public sealed class ForgotPasswordModel(UserManager<PortalUser> users, AccountMailer mailer, PublicLinks links) : PageModel
{
    [BindProperty]
    public EmailInput Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        // Unknown and unconfirmed addresses get the same confirmation page and no mail (clause 4.4.6).
        var email = Input.Email.Trim();
        if (await users.FindByEmailAsync(email) is { EmailConfirmed: true } user)
        {
            var token = await users.GeneratePasswordResetTokenAsync(user);
            await mailer.SendResetPasswordAsync(email, user.DisplayName, AccountLinks.ResetPassword(links, token));
        }

        return RedirectToPage("./ForgotPasswordConfirmation");
    }
}
