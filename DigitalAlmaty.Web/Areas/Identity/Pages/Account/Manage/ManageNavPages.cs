namespace DigitalAlmaty.Web.Areas.Identity.Pages.Account.Manage;

/// <summary>The side navigation of the settings pages and which item each page belongs to.</summary>
public static class ManageNavPages
{
    public const string Index = "/Account/Manage/Index";
    public const string Email = "/Account/Manage/Email";
    public const string ChangePassword = "/Account/Manage/ChangePassword";
    public const string TwoFactorAuthentication = "/Account/Manage/TwoFactorAuthentication";
    public const string Security = "/Account/Manage/Security";
    public const string PersonalData = "/Account/Manage/PersonalData";

    public static IReadOnlyList<(string Page, string TitleKey)> Items { get; } =
    [
        (Index, "Nav.Profile"),
        (Email, "Nav.Email"),
        (ChangePassword, "Nav.Password"),
        (TwoFactorAuthentication, "Nav.TwoFactor"),
        (Security, "Nav.Security"),
        (PersonalData, "Nav.PersonalData"),
    ];

    private static readonly string[] TwoFactorPages =
    [
        "/Account/Manage/EnableAuthenticator",
        "/Account/Manage/ShowRecoveryCodes",
        "/Account/Manage/GenerateRecoveryCodes",
        "/Account/Manage/Disable2fa",
        "/Account/Manage/ResetAuthenticator",
    ];

    /// <summary>The navigation item to highlight for a page path such as "/Account/Manage/Disable2fa".</summary>
    public static string Section(string page) =>
        TwoFactorPages.Contains(page, StringComparer.OrdinalIgnoreCase) ? TwoFactorAuthentication
        : Items.Select(i => i.Page).FirstOrDefault(p => p.Equals(page, StringComparison.OrdinalIgnoreCase)) ?? Index;
}
