namespace DigitalAlmaty.Web.Features.Agreement;

/// <summary>The outcome of a governance action; codes and field names are GovernanceText keys.</summary>
public sealed record GovernanceResult(bool Succeeded, string? ErrorCode, IReadOnlyDictionary<string, string> FieldErrors, int Number = 0)
{
    public const string NotAllowed = "Governance.NotAllowed";
    public const string Invalid = "Governance.Invalid";
    public const string NotFound = "Governance.NotFound";

    public static GovernanceResult Ok(int number = 0) => new(true, null, new Dictionary<string, string>(), number);

    public static GovernanceResult Fail(string code, IReadOnlyDictionary<string, string>? fields = null) =>
        new(false, code, fields ?? new Dictionary<string, string>());
}
