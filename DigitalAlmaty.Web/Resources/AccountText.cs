namespace DigitalAlmaty.Web.Resources;

/// <summary>Strings of the account (Identity) pages and their validation messages.</summary>
public sealed class AccountText;
