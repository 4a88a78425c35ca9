namespace DigitalAlmaty.Domain.Accounts;

public static class DisplayNameErrors
{
    public const string Required = "DisplayName.Required";
    public const string TooShort = "DisplayName.TooShort";
    public const string TooLong = "DisplayName.TooLong";
    public const string NeedsLetters = "DisplayName.NeedsLetters";
    public const string ContactDetails = "DisplayName.ContactDetails";
}
