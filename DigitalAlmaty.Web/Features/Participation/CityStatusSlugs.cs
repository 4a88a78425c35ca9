using DigitalAlmaty.Domain.Participation;

namespace DigitalAlmaty.Web.Features.Participation;

/// <summary>The city's statuses as they are written in addresses and class names: <c>under-consideration</c>, <c>accepted</c>, <c>in-progress</c>…</summary>
public static class CityStatusSlugs
{
    public static string Of(CityStatus status) => status switch
    {
        CityStatus.UnderConsideration => "under-consideration",
        CityStatus.InProgress => "in-progress",
        _ => status.ToString().ToLowerInvariant(),
    };

    /// <summary>The status a slug names, or null for anything else.</summary>
    public static CityStatus? Parse(string? slug) =>
        Enum.GetValues<CityStatus>().Cast<CityStatus?>().FirstOrDefault(s => string.Equals(Of(s!.Value), slug, StringComparison.OrdinalIgnoreCase));
}
