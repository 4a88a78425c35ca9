using System.Globalization;
using System.Text;
using DigitalAlmaty.Web.Features.Mail;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;

namespace DigitalAlmaty.Web.Areas.Identity.Pages.Account;

/// <summary>Links that the account pages put into e-mails, and safe handling of return URLs.</summary>
internal static class AccountLinks
{
    public static string EncodeToken(string token) => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));

    public static string? DecodeToken(string? code)
    {
        if (string.IsNullOrEmpty(code))
        {
            return null;
        }

        try
        {
            return Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code));
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>The confirmation link of a letter, on the configured public address (never the request's Host).</summary>
    public static string ConfirmEmail(PublicLinks links, string userId, string token) =>
        links.To("/Identity/Account/ConfirmEmail", [new("userId", userId), new("code", EncodeToken(token)), Culture()]);

    /// <summary>The reset link of a letter, on the configured public address (never the request's Host).</summary>
    public static string ResetPassword(PublicLinks links, string token) =>
        links.To("/Identity/Account/ResetPassword", [new("code", EncodeToken(token)), Culture()]);

    private static KeyValuePair<string, string?> Culture() => new("culture", CultureInfo.CurrentUICulture.Name);

    /// <summary>Only local URLs are followed after sign-in, so a crafted link cannot send the user elsewhere.</summary>
    public static string SafeReturnUrl(IUrlHelper url, string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && url.IsLocalUrl(returnUrl) ? returnUrl : "~/";
}
