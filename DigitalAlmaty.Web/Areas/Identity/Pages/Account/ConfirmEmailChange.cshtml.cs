using System.Text;
using DigitalAlmaty.Web.Data;
using DigitalAlmaty.Web.Features.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;

namespace DigitalAlmaty.Web.Areas.Identity.Pages.Account;

/// <summary>
/// The link from the "confirm your new e-mail" letter. The user name follows the e-mail. Any problem,
/// including an address taken meanwhile, gets the same neutral failure message.
/// </summary>
[AllowAnonymous]
[TokenInAddress]
public sealed class ConfirmEmailChangeModel(
    UserManager<PortalUser> users,
    SignInManager<PortalUser> signIn,
    ILogger<ConfirmEmailChangeModel> logger) : PageModel
{
    public bool Succeeded { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? userId, string? email, string? code)
    {
        Succeeded = await TryChangeAsync(userId, email, code);
        return Page();
    }

    private async Task<bool> TryChangeAsync(string? userId, string? email, string? code)
    {
        if (string.IsNullOrEmpty(userId) || string.IsNullOrEmpty(email) || string.IsNullOrEmpty(code))
        {
            return false;
        }

        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return false;
        }

        string token;
        try
        {
            token = Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code));
        }
        catch (FormatException)
        {
            return false;
        }

        var owner = await users.FindByEmailAsync(email);
        if (owner is not null && owner.Id != user.Id)
        {
            logger.LogInformation("E-mail change of user {UserId} refused: the address is in use.", user.Id);
            return false;
        }

        var changed = await users.ChangeEmailAsync(user, email, token);
        if (!changed.Succeeded)
        {
            return false;
        }

        // In this portal the user name is the e-mail.
        var renamed = await users.SetUserNameAsync(user, email);
        if (!renamed.Succeeded)
        {
            logger.LogWarning("E-mail of user {UserId} changed but the user name was not: {Errors}",
                user.Id, string.Join("; ", renamed.Errors.Select(e => e.Code)));
            return false;
        }

        if (signIn.IsSignedIn(User) && users.GetUserId(User) == user.Id)
        {
            await signIn.RefreshSignInAsync(user);
        }

        logger.LogInformation("User {UserId} confirmed a new e-mail.", user.Id);
        return true;
    }
}
