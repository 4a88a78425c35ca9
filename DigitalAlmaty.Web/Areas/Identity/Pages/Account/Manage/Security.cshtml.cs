using System.Globalization;
using DigitalAlmaty.Domain.Time;
using DigitalAlmaty.Web.Data;
using DigitalAlmaty.Web.Features.Mail;
using DigitalAlmaty.Web.Features.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace DigitalAlmaty.Web.Areas.Identity.Pages.Account.Manage;

/// <summary>Recent sign-ins and "report unauthorised access" (clauses 4.3.2, 4.3.3).</summary>
public sealed class SecurityModel(
    UserManager<PortalUser> users,
    SignInManager<PortalUser> signIn,
    AccountSecurity security,
    PublicLinks links,
    Microsoft.Extensions.Localization.IStringLocalizer<Resources.ManageText> text,
    ILogger<SecurityModel> logger) : ManagePageModel
{
    public IReadOnlyList<SignInLine> SignIns { get; private set; } = [];

    public static string When(DateTimeOffset at)
    {
        var local = AlmatyTime.ToLocal(at);
        return local.ToString("d MMMM yyyy, HH:mm", CultureInfo.CurrentCulture);
    }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return UserNotFound();
        }

        SignIns = await security.RecentSignInsAsync(user.Id);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return UserNotFound();
        }

        var reported = await security.ReportUnauthorisedAccessAsync(user, token => AccountLinks.ResetPassword(links, token));
        if (!reported)
        {
            SignIns = await security.RecentSignInsAsync(user.Id);
            ModelState.AddModelError(string.Empty, text["Security.Report.Failed"]);
            return Page();
        }

        await signIn.SignOutAsync();
        logger.LogWarning("User {UserId} reported unauthorised access; every session was ended.", user.Id);
        return RedirectToPage("/Account/AccessReported");
    }
}
