using System.ComponentModel.DataAnnotations;
using DigitalAlmaty.Domain.Accounts;
using DigitalAlmaty.Web.Data;
using DigitalAlmaty.Web.Features.Mail;
using DigitalAlmaty.Web.Localization;
using DigitalAlmaty.Web.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace DigitalAlmaty.Web.Areas.Identity.Pages.Account;

[AllowAnonymous]
public sealed class RegisterModel(
    UserManager<PortalUser> users,
    AccountMailer mailer,
    PublicLinks links,
    Features.Security.SignUpGuard guard,
    TimeProvider clock,
    IStringLocalizer<AccountText> text,
    Features.Agreement.AgreementService agreement,
    ILogger<RegisterModel> logger) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>The signed time the form was shown (anti-automation).</summary>
    [BindProperty]
    public string? FormToken { get; set; }

    public sealed class InputModel
    {
        [Display(Name = "Field.DisplayName")]
        public string DisplayName { get; set; } = string.Empty;

        [Required(ErrorMessage = "Validation.Required")]
        [EmailAddress(ErrorMessage = "Validation.Email")]
        [StringLength(256, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "Field.Email")]
        public string Email { get; set; } = string.Empty;

        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(200, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "Field.Password")]
        public string Password { get; set; } = string.Empty;

        [Required(ErrorMessage = "Validation.Required")]
        [Compare(nameof(Password), ErrorMessage = "Validation.PasswordsDiffer")]
        [Display(Name = "Field.ConfirmPassword")]
        public string ConfirmPassword { get; set; } = string.Empty;

        [Display(Name = "Field.AcceptAgreement")]
        public bool AcceptAgreement { get; set; }

        /// <summary>Hidden from people; only scripts fill it in.</summary>
        public string? Website { get; set; }
    }

    public void OnGet() => FormToken = guard.IssueToken();

    public async Task<IActionResult> OnPostAsync()
    {
        switch (guard.Check(FormToken, Input.Website))
        {
            case Features.Security.SignUpVerdict.Bot:
                // Answer as if it worked, so a script learns nothing; nothing is created or sent.
                logger.LogWarning("A registration looked automated and was dropped.");
                return RedirectToPage("./RegisterConfirmation");
            case Features.Security.SignUpVerdict.Expired:
                FormToken = guard.IssueToken();
                ModelState.AddModelError(string.Empty, text["Register.FormExpired"]);
                return Page();
        }

        FormToken = guard.IssueToken();
        var nameProblem = Domain.Accounts.DisplayName.Validate(Input.DisplayName, out var displayName);
        if (nameProblem is not null)
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.DisplayName)}", text[nameProblem]);
        }

        if (!Input.AcceptAgreement)
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.AcceptAgreement)}", text["Validation.MustAcceptAgreement"]);
        }

        var email = Input.Email.Trim();
        var candidate = new PortalUser
        {
            UserName = email,
            Email = email,
            DisplayName = displayName,
            PreferredCulture = PortalCultures.Current,
            CreatedAt = clock.GetUtcNow(),
        };

        if (!string.IsNullOrEmpty(Input.Password))
        {
            // Password rules are checked with the rest, so every problem is reported at once and
            // whether or not the address is taken.
            foreach (var validator in users.PasswordValidators)
            {
                var check = await validator.ValidateAsync(users, candidate, Input.Password);
                foreach (var error in check.Errors)
                {
                    ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.Password)}", error.Description);
                }
            }
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        // Clause 4.4.6: the page answers the same whether or not the address is registered.
        // The owner of an existing account gets a note with a password link instead of a second account.
        var existing = await users.FindByEmailAsync(email);
        if (existing is not null)
        {
            var resetToken = await users.GeneratePasswordResetTokenAsync(existing);
            await mailer.SendAlreadyRegisteredAsync(email, existing.DisplayName, AccountLinks.ResetPassword(links, resetToken));
            return RedirectToPage("./RegisterConfirmation");
        }

        var created = await users.CreateAsync(candidate, Input.Password);
        if (!created.Succeeded)
        {
            foreach (var error in created.Errors)
            {
                ModelState.AddModelError(string.Empty, error.Description);
            }

            return Page();
        }

        logger.LogInformation("Account {UserId} registered.", candidate.Id);
        // The ticked box is an explicit acceptance of the version in force (1.4, 4.1.1).
        await agreement.AcceptCurrentAsync(candidate.Id);
        var token = await users.GenerateEmailConfirmationTokenAsync(candidate);
        await mailer.SendConfirmEmailAsync(email, candidate.DisplayName, AccountLinks.ConfirmEmail(links, candidate.Id, token));
        return RedirectToPage("./RegisterConfirmation");
    }
}
