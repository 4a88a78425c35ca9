using System.ComponentModel.DataAnnotations;
using System.Text;
using System.Text.Encodings.Web;
using DigitalAlmaty.Web.Data;
using DigitalAlmaty.Web.Resources;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using QRCoder;

namespace DigitalAlmaty.Web.Areas.Identity.Pages.Account.Manage;

/// <summary>
/// Connects an authenticator app: the key as text and as a QR code drawn on the server (no script,
/// no third-party service), then a code from the app proves it works.
/// </summary>
public sealed class EnableAuthenticatorModel(
    UserManager<PortalUser> users,
    SignInManager<PortalUser> signIn,
    IStringLocalizer<ManageText> text,
    IStringLocalizer<AccountText> accountText,
    ILogger<EnableAuthenticatorModel> logger) : ManagePageModel
{
    public const string Issuer = "Digital Almaty";
    public const int RecoveryCodeCount = 10;

    public string SharedKey { get; private set; } = string.Empty;

    public string AuthenticatorUri { get; private set; } = string.Empty;

    /// <summary>The QR code as inline SVG markup, generated from <see cref="AuthenticatorUri"/>.</summary>
    public string QrCodeSvg { get; private set; } = string.Empty;

    [TempData]
    public string[]? RecoveryCodes { get; set; }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Validation.Code")]
        [RegularExpression(@"^\s*\d{3}[\s-]?\d{3}\s*$", ErrorMessage = "Validation.Code")]
        [Display(Name = "Field.TwoFactorCode")]
        public string Code { get; set; } = string.Empty;
    }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return UserNotFound();
        }

        await LoadKeyAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return UserNotFound();
        }

        var code = new string(Input.Code.Where(char.IsAsciiDigit).ToArray());
        if (ModelState.IsValid && !await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.Code)}", accountText["TwoFactor.Invalid"]);
        }

        if (!ModelState.IsValid)
        {
            await LoadKeyAsync(user);
            return Page();
        }

        await users.SetTwoFactorEnabledAsync(user, true);
        // Enabling renews the security stamp; keep this browser signed in.
        await signIn.RefreshSignInAsync(user);
        logger.LogInformation("User {UserId} enabled two-step sign-in with an authenticator app.", user.Id);

        if (await users.CountRecoveryCodesAsync(user) == 0)
        {
            var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount);
            RecoveryCodes = codes?.ToArray();
            StatusMessage = "Authenticator.Enabled";
            return RedirectToPage("./ShowRecoveryCodes");
        }

        StatusMessage = "Authenticator.Enabled";
        return RedirectToPage("./TwoFactorAuthentication");
    }

    private async Task LoadKeyAsync(PortalUser user)
    {
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            // The first key is stored without ResetAuthenticatorKeyAsync, which also renews the security
            // stamp: opening this page (a GET another site can trigger) must not end the account's sessions.
            // Nothing depends on a key that did not exist; replacing a key (ResetAuthenticator, a POST) still renews it.
            key = users.GenerateNewAuthenticatorKey();
            var store = (IUserAuthenticatorKeyStore<PortalUser>)HttpContext.RequestServices.GetRequiredService<IUserStore<PortalUser>>();
            await store.SetAuthenticatorKeyAsync(user, key, HttpContext.RequestAborted);
            await users.UpdateAsync(user);
        }

        SharedKey = FormatKey(key);
        var email = await users.GetEmailAsync(user) ?? string.Empty;
        AuthenticatorUri = AuthenticatorUriFor(email, key);
        QrCodeSvg = RenderQrSvg(AuthenticatorUri, text["Authenticator.Qr.Label"]);
    }

    /// <summary>"abcd efgh ..." — easier to type into an app than one long string.</summary>
    public static string FormatKey(string key)
    {
        var result = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            if (i > 0)
            {
                result.Append(' ');
            }

            result.Append(key.AsSpan(i, Math.Min(4, key.Length - i)));
        }

        return result.ToString().ToLowerInvariant();
    }

    public static string AuthenticatorUriFor(string email, string key)
    {
        var url = UrlEncoder.Default;
        return $"otpauth://totp/{url.Encode(Issuer)}:{url.Encode(email)}?secret={key}&issuer={url.Encode(Issuer)}&digits=6";
    }

    private static string RenderQrSvg(string uri, string label)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.Q);
        var svg = new SvgQRCode(data).GetGraphic(4, "#000000", "#ffffff", true, SvgQRCode.SizingMode.ViewBoxAttribute);
        var attributes = $"<svg class=\"qr\" role=\"img\" aria-label=\"{HtmlEncoder.Default.Encode(label)}\" ";
        return svg.StartsWith("<svg ", StringComparison.Ordinal)
            ? attributes + svg["<svg ".Length..]
            : svg.Replace("<svg ", attributes, StringComparison.Ordinal);
    }
}
