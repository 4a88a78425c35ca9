namespace DigitalAlmaty.Tests.Web;

/// <summary>
/// The account pages (Razor Pages under /Identity) in the authorization matrix; columns as in
/// <see cref="AuthorizationMatrixTable"/>. Identity UI pages the portal did not override answer 404.
/// </summary>
public static class AuthorizationMatrixIdentityTable
{
    private const string Everyone = "AAAAAAA";
    private const string SignedIn = "SASAAAA";
    private const string NotOursSignedIn = "SNSNNNN";
    private const string Nobody = "NNNNNNN";

    public static IReadOnlyList<AuthorizationMatrixRow> Rows { get; } =
    [
        new("/Identity/Account/Login", "/Identity/Account/Login", Everyone),
        new("/Identity/Account/Register", "/Identity/Account/Register", Everyone),
        // Without their link's parameters these pages say the link is not valid.
        new("/Identity/Account/RegisterConfirmation", "/Identity/Account/RegisterConfirmation", Everyone),
        new("/Identity/Account/ConfirmEmail", "/Identity/Account/ConfirmEmail", Everyone),
        new("/Identity/Account/ConfirmEmailChange", "/Identity/Account/ConfirmEmailChange", Everyone),
        new("/Identity/Account/ResendEmailConfirmation", "/Identity/Account/ResendEmailConfirmation", Everyone),
        new("/Identity/Account/ForgotPassword", "/Identity/Account/ForgotPassword", Everyone),
        new("/Identity/Account/ForgotPasswordConfirmation", "/Identity/Account/ForgotPasswordConfirmation", Everyone),
        new("/Identity/Account/ResetPassword", "/Identity/Account/ResetPassword", Everyone),
        new("/Identity/Account/ResetPasswordConfirmation", "/Identity/Account/ResetPasswordConfirmation", Everyone),
        new("/Identity/Account/LoginWith2fa", "/Identity/Account/LoginWith2fa", "SSSSSSS"),
        new("/Identity/Account/LoginWithRecoveryCode", "/Identity/Account/LoginWithRecoveryCode", "SSSSSSS"),
        new("/Identity/Account/Lockout", "/Identity/Account/Lockout", Everyone),
        new("/Identity/Account/Logout", "/Identity/Account/Logout", Everyone),
        new("/Identity/Account/AccessDenied", "/Identity/Account/AccessDenied", Everyone),
        new("/Identity/Account/AccessReported", "/Identity/Account/AccessReported", Everyone),
        new("/Identity/Account/ExternalLogin", "/Identity/Account/ExternalLogin", Nobody),
        new("/Identity/Error", "/Identity/Error", Nobody),

        new("/Identity/Account/Manage", "/Identity/Account/Manage", SignedIn),
        new("/Identity/Account/Manage/Index", "/Identity/Account/Manage/Index", SignedIn),
        new("/Identity/Account/Manage/Email", "/Identity/Account/Manage/Email", SignedIn),
        new("/Identity/Account/Manage/ChangePassword", "/Identity/Account/Manage/ChangePassword", SignedIn),
        new("/Identity/Account/Manage/PersonalData", "/Identity/Account/Manage/PersonalData", SignedIn),
        new("/Identity/Account/Manage/Security", "/Identity/Account/Manage/Security", SignedIn),
        new("/Identity/Account/Manage/TwoFactorAuthentication", "/Identity/Account/Manage/TwoFactorAuthentication", SignedIn),
        new("/Identity/Account/Manage/EnableAuthenticator", "/Identity/Account/Manage/EnableAuthenticator", SignedIn),
        new("/Identity/Account/Manage/ResetAuthenticator", "/Identity/Account/Manage/ResetAuthenticator", SignedIn),
        new("/Identity/Account/Manage/Disable2fa", "/Identity/Account/Manage/Disable2fa", "SRSRRRR"),
        new("/Identity/Account/Manage/GenerateRecoveryCodes", "/Identity/Account/Manage/GenerateRecoveryCodes", "SRSRRRR"),
        new("/Identity/Account/Manage/ShowRecoveryCodes", "/Identity/Account/Manage/ShowRecoveryCodes", "SRSRRRR"),
        new("/Identity/Account/Manage/DeletePersonalData", "/Identity/Account/Manage/DeletePersonalData", NotOursSignedIn),
        new("/Identity/Account/Manage/DownloadPersonalData", "/Identity/Account/Manage/DownloadPersonalData", NotOursSignedIn),
        new("/Identity/Account/Manage/ExternalLogins", "/Identity/Account/Manage/ExternalLogins", NotOursSignedIn),
        new("/Identity/Account/Manage/SetPassword", "/Identity/Account/Manage/SetPassword", NotOursSignedIn),

        // The framework's answer to a missing file-like path.
        new("/{**path:file}", "/no-such-file.js", Nobody),
    ];
}
