namespace DigitalAlmaty.Domain.Submissions;

public static class FieldErrorCodes
{
    public const string Required = "Field.Required";
    public const string TooShort = "Field.TooShort";
    public const string TooLong = "Field.TooLong";
    public const string TooFewWords = "Field.TooFewWords";
    public const string UnknownChoice = "Field.UnknownChoice";
    public const string BadLink = "Field.BadLink";
    public const string TooMany = "Field.TooMany";
    public const string EndBeforeStart = "Event.EndBeforeStart";
    public const string StartInPast = "Event.StartInPast";
    public const string TooLongEvent = "Event.TooLong";
}
