using DigitalAlmaty.Domain.Accounts;
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
    IStringLocalizer<ManageText> text) : ManagePageModel
{
    public string Email { get; private set; } = string.Empty;

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        public string? DisplayName { get; set; }

        public string? PreferredCulture { get; set; }
    }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return UserNotFound();
        }

        Email = user.Email ?? string.Empty;
        Input = new InputModel { DisplayName = user.DisplayName, PreferredCulture = user.PreferredCulture };
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
        ModelState.Clear();
        var problem = Domain.Accounts.DisplayName.Validate(Input.DisplayName, out var name);
        if (problem is not null)
        {
            ModelState.AddModelError("Input.DisplayName", DisplayNameMessage(problem));
        }

        if (!PortalCultures.IsSupported(Input.PreferredCulture))
        {
            ModelState.AddModelError("Input.PreferredCulture", text["Profile.Language.Invalid"]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var culture = PortalCultures.All.First(c => c.Equals(Input.PreferredCulture, StringComparison.OrdinalIgnoreCase));
        var cultureChanged = culture != user.PreferredCulture;
        user.DisplayName = name;
        user.PreferredCulture = culture;
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

    private string DisplayNameMessage(string code) => code switch
    {
        DisplayNameErrors.TooShort => text[code, Domain.Accounts.DisplayName.MinLength],
        DisplayNameErrors.TooLong => text[code, Domain.Accounts.DisplayName.MaxLength],
        DisplayNameErrors.Required or DisplayNameErrors.NeedsLetters or DisplayNameErrors.ContactDetails => text[code],
        _ => text["DisplayName.Invalid"],
    };
}
