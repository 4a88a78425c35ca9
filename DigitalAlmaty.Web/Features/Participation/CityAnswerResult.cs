namespace DigitalAlmaty.Web.Features.Participation;

/// <summary>The outcome of posting the city's answer; codes and field errors are ParticipationText keys.</summary>
public sealed record CityAnswerResult(bool Succeeded, string? ErrorCode, IReadOnlyDictionary<string, string> FieldErrors)
{
    public const string NotAllowed = "Answer.NotAllowed";
    public const string NotFound = "Answer.NotFound";
    public const string Invalid = "Answer.Invalid";

    public static CityAnswerResult Ok() => new(true, null, new Dictionary<string, string>());

    public static CityAnswerResult Fail(string code, IReadOnlyDictionary<string, string>? fields = null) =>
        new(false, code, fields ?? new Dictionary<string, string>());
}
