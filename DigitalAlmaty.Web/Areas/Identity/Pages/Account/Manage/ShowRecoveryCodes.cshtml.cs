using Microsoft.AspNetCore.Mvc;

namespace DigitalAlmaty.Web.Areas.Identity.Pages.Account.Manage;

/// <summary>Shows freshly generated recovery codes once; they are passed from the previous step in TempData.</summary>
public sealed class ShowRecoveryCodesModel : ManagePageModel
{
    [TempData]
    public string[]? RecoveryCodes { get; set; }

    public IActionResult OnGet()
    {
        if (RecoveryCodes is not { Length: > 0 })
        {
            return RedirectToPage("./TwoFactorAuthentication");
        }

        return Page();
    }
}
