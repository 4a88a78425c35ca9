using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using System.Text;

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

    public static string ConfirmEmail(IUrlHelper url, string scheme, string userId, string token) =>
        url.Page("/Account/ConfirmEmail", null, new { area = "Identity", userId, code = EncodeToken(token) }, scheme)!;

    public static string ResetPassword(IUrlHelper url, string scheme, string token) =>
        url.Page("/Account/ResetPassword", null, new { area = "Identity", code = EncodeToken(token) }, scheme)!;

    /// <summary>Only local URLs are followed after sign-in, so a crafted link cannot send the user elsewhere.</summary>
    public static string SafeReturnUrl(IUrlHelper url, string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && url.IsLocalUrl(returnUrl) ? returnUrl : "~/";
}
