namespace DigitalAlmaty.Domain.Submissions;

/// <summary>
/// The agreement clauses a moderator can cite when rejecting or hiding an item
/// (see shared/mission/agreement-clauses.md). Ids are stable; their texts are localized in Web.
/// </summary>
public static class ModerationClauses
{
    public const string IncompleteIdea = "2.1.6";
    public const string NotAPublicItEvent = "2.1.7";
    public const string RightsOfOthers = "4.3.5";
    public const string Misleading = "4.3.6";
    public const string ComparesWithOthers = "4.3.7";
    public const string PersonalData = "4.3.9";
    public const string ConfidentialData = "4.3.10";
    public const string Unlawful = "4.3.11";
    public const string Impersonation = "4.3.11.impersonation";

    public static IReadOnlyList<string> All { get; } =
    [
        IncompleteIdea, NotAPublicItEvent, RightsOfOthers, Misleading, ComparesWithOthers,
        PersonalData, ConfidentialData, Unlawful, Impersonation,
    ];

    public static bool IsKnown(string id) => All.Contains(id, StringComparer.Ordinal);
}
