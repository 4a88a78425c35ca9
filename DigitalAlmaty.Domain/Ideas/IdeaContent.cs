namespace DigitalAlmaty.Domain.Ideas;

/// <summary>What an author types into an idea (agreement clause 2.1.6).</summary>
public sealed record IdeaContent(
    string Title,
    string Summary,
    string? Category,
    string Goal,
    string Tasks,
    string CityBenefit,
    string PriorImplementations,
    IReadOnlyList<string> Tags,
    Guid? CoverImageId = null)
{
    public static IdeaContent Empty { get; } = new(string.Empty, string.Empty, null, string.Empty, string.Empty, string.Empty, string.Empty, []);
}
