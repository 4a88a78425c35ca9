using DigitalAlmaty.Web.Features.Blocking;

namespace DigitalAlmaty.Web.Features.Flags;

/// <summary>The outcome of a report or a dismissal; codes are GovernanceText keys.</summary>
public sealed record FlagResult(bool Succeeded, string? ErrorCode, IReadOnlyDictionary<string, string> FieldErrors, WriteRefusal? Refusal = null)
{
    public const string NotAllowed = "Flag.NotAllowed";
    public const string NotFound = "Flag.NotFound";
    public const string AlreadyReported = "Flag.AlreadyReported";
    public const string OwnItem = "Flag.OwnItem";
    public const string Invalid = "Flag.Invalid";
    public const string Refused = "Flag.Refused";
    public const string NothingOpen = "Flag.NothingOpen";

    public static FlagResult Ok() => new(true, null, new Dictionary<string, string>());

    public static FlagResult Fail(string code, IReadOnlyDictionary<string, string>? fields = null, WriteRefusal? refusal = null) =>
        new(false, code, fields ?? new Dictionary<string, string>(), refusal);
}
