namespace DigitalAlmaty.Web.Resources;

/// <summary>Strings of the account settings pages (/Identity/Account/Manage) and of e-mail change confirmation.</summary>
public sealed class ManageText;
