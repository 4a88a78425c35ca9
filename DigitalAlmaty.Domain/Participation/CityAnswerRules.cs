using DigitalAlmaty.Domain.Submissions;

namespace DigitalAlmaty.Domain.Participation;

/// <summary>
/// The rules of the city's answer to a published idea: which status may follow which, and the text
/// every answer carries (Russian always; Kazakh and English where the department gives them).
/// </summary>
public static class CityAnswerRules
{
    public const int TextMaxLength = 4000;

    public const int TextMinWords = 3;

    public const string StatusNotAllowed = "Answer.StatusNotAllowed";

    /// <summary>The statuses an answer may set after <paramref name="current"/> (null: the city has not answered yet).</summary>
    public static IReadOnlyList<CityStatus> Next(CityStatus? current) => current switch
    {
        null => [CityStatus.UnderConsideration, CityStatus.Accepted, CityStatus.Declined],
        CityStatus.UnderConsideration => [CityStatus.UnderConsideration, CityStatus.Accepted, CityStatus.Declined],
        CityStatus.Accepted => [CityStatus.Accepted, CityStatus.InProgress, CityStatus.Declined],
        CityStatus.InProgress => [CityStatus.InProgress, CityStatus.Implemented, CityStatus.Declined],
        CityStatus.Implemented => [CityStatus.Implemented],
        CityStatus.Declined => [CityStatus.Declined, CityStatus.UnderConsideration],
        _ => [],
    };

    /// <summary>Whether <paramref name="next"/> may follow <paramref name="current"/>. Keeping the status and adding a word is allowed.</summary>
    public static bool MayMove(CityStatus? current, CityStatus next) => Next(current).Contains(next);

    /// <summary>Field errors of an answer: the move, the Russian text (required), the Kazakh and English texts (optional).</summary>
    public static IReadOnlyList<FieldError> Validate(CityStatus? current, CityStatus? next, string? textRu, string? textKk, string? textEn)
    {
        var errors = new List<FieldError>();
        if (next is null)
        {
            errors.Add(new FieldError("Status", FieldErrorCodes.Required));
        }
        else if (!Enum.IsDefined(next.Value))
        {
            errors.Add(new FieldError("Status", FieldErrorCodes.UnknownChoice));
        }
        else if (!MayMove(current, next.Value))
        {
            errors.Add(new FieldError("Status", StatusNotAllowed));
        }

        TextRules.Text(errors, "TextRu", textRu?.Trim(), TextMaxLength, ValidationMode.Submit, required: true, TextMinWords);
        TextRules.Text(errors, "TextKk", textKk?.Trim(), TextMaxLength, ValidationMode.Submit, required: false, TextMinWords);
        TextRules.Text(errors, "TextEn", textEn?.Trim(), TextMaxLength, ValidationMode.Submit, required: false, TextMinWords);
        return errors;
    }
}
