namespace DigitalAlmaty.Domain.Submissions;

/// <summary>
/// A broken field rule. <see cref="Code"/> is a stable key the Web layer localizes, with
/// <see cref="Arguments"/> for its placeholders (for instance a maximum length).
/// </summary>
public sealed record FieldError(string Field, string Code, params object[] Arguments)
{
    public override string ToString() => $"{Field}: {Code}";
}

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

/// <summary>Drafts keep only the limits that protect storage; submitting applies every rule.</summary>
public enum ValidationMode
{
    Draft,
    Submit,
}
