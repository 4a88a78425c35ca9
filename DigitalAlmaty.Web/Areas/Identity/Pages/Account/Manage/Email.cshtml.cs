using System.ComponentModel.DataAnnotations;
using System.Text;
using DigitalAlmaty.Web.Data;
using DigitalAlmaty.Web.Features.Mail;
using DigitalAlmaty.Web.Resources;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Localization;

namespace DigitalAlmaty.Web.Areas.Identity.Pages.Account.Manage;

/// <summary>
/// The sign-in e-mail. A new address takes effect only after its link is followed; the page never
/// says whether the new address already belongs to someone else (clause 4.4.6).
/// </summary>
public sealed class EmailModel(
    UserManager<PortalUser> users,
    AccountMailer mailer,
    PublicLinks links,
    IStringLocalizer<AccountText> text,
    ILogger<EmailModel> logger) : ManagePageModel
{
    public string Email { get; private set; } = string.Empty;

    public bool IsEmailConfirmed { get; private set; }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Validation.Required")]
        [EmailAddress(ErrorMessage = "Validation.Email")]
        [StringLength(256, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "Manage.Field.NewEmail")]
        public string NewEmail { get; set; } = string.Empty;
    }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return UserNotFound();
        }

        Load(user);
        return Page();
    }

    public async Task<IActionResult> OnPostChangeAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return UserNotFound();
        }

        Load(user);
        var newEmail = Input.NewEmail.Trim();
        if (ModelState.IsValid)
        {
            // [EmailAddress] only looks for an "@"; the address must also be one a letter can be sent to.
            if (!MimeKit.MailboxAddress.TryParse(newEmail, out _))
            {
                ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.NewEmail)}", text["Validation.Email"]);
            }
            else if (string.Equals(newEmail, Email, StringComparison.OrdinalIgnoreCase))
            {
                ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.NewEmail)}", text["Manage.Validation.SameEmail"]);
            }
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var owner = await users.FindByEmailAsync(newEmail);
        if (owner is null)
        {
            var token = await users.GenerateChangeEmailTokenAsync(user, newEmail);
            var link = AbsoluteLink("/Identity/Account/ConfirmEmailChange", new Dictionary<string, string?>
            {
                ["userId"] = user.Id,
                ["email"] = newEmail,
                ["code"] = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token)),
            });
            await mailer.SendConfirmEmailChangeAsync(newEmail, user.DisplayName, link);
            logger.LogInformation("User {UserId} asked to change their e-mail; confirmation sent.", user.Id);
        }
        else
        {
            // Same answer as for a free address, and nothing is sent: the address's owner is not disturbed.
            logger.LogInformation("User {UserId} asked to change their e-mail to an address in use; nothing sent.", user.Id);
        }

        StatusMessage = "Email.Change.Sent";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostSendVerificationAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return UserNotFound();
        }

        if (user.EmailConfirmed || string.IsNullOrEmpty(user.Email))
        {
            StatusMessage = "Email.AlreadyConfirmed";
            return RedirectToPage();
        }

        var token = await users.GenerateEmailConfirmationTokenAsync(user);
        var link = AbsoluteLink("/Identity/Account/ConfirmEmail", new Dictionary<string, string?>
        {
            ["userId"] = user.Id,
            ["code"] = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token)),
        });
        await mailer.SendConfirmEmailAsync(user.Email, user.DisplayName, link);
        StatusMessage = "Email.Verification.Sent";
        return RedirectToPage();
    }

    private void Load(PortalUser user)
    {
        Email = user.Email ?? string.Empty;
        IsEmailConfirmed = user.EmailConfirmed;
    }

    // On the configured public address, never the request's Host (which the sender chooses).
    private string AbsoluteLink(string path, Dictionary<string, string?> query) => links.To(path, query);
}
