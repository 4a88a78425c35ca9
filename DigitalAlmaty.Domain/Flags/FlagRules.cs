using DigitalAlmaty.Domain.Submissions;

namespace DigitalAlmaty.Domain.Flags;

/// <summary>
/// A reader's report on a published idea or event (clauses 4.3.5–4.3.11): one of the clauses the
/// moderators cite, and a message. One report per reader per item.
/// </summary>
public static class FlagRules
{
    public const int MessageMaxLength = 1000;

    public const int MessageMinLength = 5;

    /// <summary>Field errors for a report: the clause must be one moderators cite, the message between the limits.</summary>
    public static IReadOnlyList<FieldError> Validate(string? clause, string? message)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(clause))
        {
            errors.Add(new FieldError("Clause", "Flag.ClauseRequired"));
        }
        else if (!ModerationClauses.IsKnown(clause.Trim()))
        {
            errors.Add(new FieldError("Clause", "Flag.ClauseUnknown"));
        }

        var text = message?.Trim() ?? string.Empty;
        if (text.Length == 0)
        {
            errors.Add(new FieldError("Message", "Flag.MessageRequired"));
        }
        else if (text.Length < MessageMinLength)
        {
            errors.Add(new FieldError("Message", "Flag.MessageTooShort"));
        }
        else if (text.Length > MessageMaxLength)
        {
            errors.Add(new FieldError("Message", "Flag.MessageTooLong"));
        }

        return errors;
    }
}
