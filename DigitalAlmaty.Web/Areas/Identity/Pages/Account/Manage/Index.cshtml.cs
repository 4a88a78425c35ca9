using System.ComponentModel.DataAnnotations;
using DigitalAlmaty.Web.Data;
using DigitalAlmaty.Web.Localization;
using DigitalAlmaty.Web.Resources;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace DigitalAlmaty.Web.Areas.Identity.Pages.Account.Manage;

/// <summary>Profile: the display name other people see and the language of the portal's e-mails.</summary>
public sealed class IndexModel(
    UserManager<PortalUser> users,
    SignInManager<PortalUser> signIn,
    IStringLocalizer<AccountText> text) : ManagePageModel
{
    public string Email { get; private set; } = string.Empty;

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        [Display(Name = "Field.DisplayName")]
        public string DisplayName { get; set; } = string.Empty;

        [Display(Name = "Manage.Field.PreferredCulture")]
        public string PreferredCulture { get; set; } = string.Empty;

        [Display(Name = "Manage.Field.Digest")]
        public string Digest { get; set; } = string.Empty;
    }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return UserNotFound();
        }

        Email = user.Email ?? string.Empty;
        Input = new InputModel { DisplayName = user.DisplayName, PreferredCulture = user.PreferredCulture, Digest = user.DigestFrequency.ToString() };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return UserNotFound();
        }

        Email = user.Email ?? string.Empty;
        // The same rules and messages as at registration.
        var problem = Domain.Accounts.DisplayName.Validate(Input.DisplayName, out var name);
        if (problem is not null)
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.DisplayName)}", text[problem]);
        }

        if (!PortalCultures.IsSupported(Input.PreferredCulture))
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.PreferredCulture)}", text["Manage.Validation.Language"]);
        }

        // A form without the field (an older page) keeps the choice as it is.
        var digest = user.DigestFrequency;
        if (!string.IsNullOrEmpty(Input.Digest)
            && (!Enum.TryParse(Input.Digest, out digest) || !Enum.IsDefined(digest) || int.TryParse(Input.Digest, out _)))
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.Digest)}", text["Manage.Validation.Digest"]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var culture = PortalCultures.All.First(c => c.Equals(Input.PreferredCulture, StringComparison.OrdinalIgnoreCase));
        var cultureChanged = culture != user.PreferredCulture;
        user.DisplayName = name;
        user.PreferredCulture = culture;
        user.DigestFrequency = digest;
        var result = await users.UpdateAsync(user);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(string.Empty, error.Description);
            }

            return Page();
        }

        // The header reads the display name from the sign-in cookie.
        await signIn.RefreshSignInAsync(user);
        StatusMessage = "Profile.Saved";
        // A newly chosen language applies to the portal at once (the culture middleware remembers it).
        return cultureChanged ? RedirectToPage(new { culture }) : RedirectToPage();
    }
}
