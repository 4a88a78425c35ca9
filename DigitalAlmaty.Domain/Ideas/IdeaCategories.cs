namespace DigitalAlmaty.Domain.Ideas;

/// <summary>The categories an idea can belong to. Codes are stable; names are localized in Web.</summary>
public static class IdeaCategories
{
    public static IReadOnlyList<string> All { get; } =
    [
        "e-government", "transport", "education", "health", "ecology", "safety", "open-data", "smart-city",
    ];

    public static bool IsKnown(string? code) => code is not null && All.Contains(code, StringComparer.Ordinal);
}
