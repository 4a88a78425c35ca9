using DigitalAlmaty.Web.Features.PersonalData;
using Microsoft.AspNetCore.Mvc;

namespace DigitalAlmaty.Web.Areas.Identity.Pages.Account.Manage;

/// <summary>"Download my data" (6.1–6.3): everything the portal holds about the signed-in user, as JSON.</summary>
public sealed class PersonalDataModel(UserDataExport export) : ManagePageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var json = await export.BuildOwnAsync(User, HttpContext.RequestAborted);
        return json is null ? UserNotFound() : File(json, "application/json", PersonalDataSetup.FileName);
    }
}
