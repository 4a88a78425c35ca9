using DigitalAlmaty.Web.Data;
using DigitalAlmaty.Web.Features.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DigitalAlmaty.Web.Areas.Identity.Pages.Account;

[AllowAnonymous]
[TokenInAddress]
public sealed class ConfirmEmailModel(UserManager<PortalUser> users) : PageModel
{
    public bool Confirmed { get; private set; }

    public async Task OnGetAsync(string? userId, string? code)
    {
        var token = AccountLinks.DecodeToken(code);
        if (string.IsNullOrEmpty(userId) || token is null || await users.FindByIdAsync(userId) is not { } user)
        {
            return;
        }

        Confirmed = user.EmailConfirmed || (await users.ConfirmEmailAsync(user, token)).Succeeded;
    }
}
