using DigitalAlmaty.Web.Data;
using DigitalAlmaty.Web.Features.Mail;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DigitalAlmaty.Web.Areas.Identity.Pages.Account;

[AllowAnonymous]
public sealed class ResendEmailConfirmationModel(UserManager<PortalUser> users, AccountMailer mailer, PublicLinks links) : PageModel
{
    [BindProperty]
    public EmailInput Input { get; set; } = new();

    public bool Sent { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        // The same answer for every address (clause 4.4.6); only an unconfirmed account gets mail.
        var email = Input.Email.Trim();
        if (await users.FindByEmailAsync(email) is { EmailConfirmed: false } user)
        {
            var token = await users.GenerateEmailConfirmationTokenAsync(user);
            await mailer.SendConfirmEmailAsync(email, user.DisplayName, AccountLinks.ConfirmEmail(links, user.Id, token));
        }

        Sent = true;
        return Page();
    }
}
