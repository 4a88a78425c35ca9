using DigitalAlmaty.Domain.Ideas;
using DigitalAlmaty.Domain.Participation;
using Microsoft.AspNetCore.WebUtilities;

namespace DigitalAlmaty.Web.Features.Catalog;

/// <summary>What a reader asked of /ideas, read once from the query string and made safe.</summary>
public sealed record IdeasListQuery(string? Category, IdeaSort Sort, string? After, string? Tag, CityStatus? Status = null)
{
    public static IdeasListQuery From(IQueryCollection query)
    {
        var category = query["category"].FirstOrDefault();
        var tag = query["tag"].FirstOrDefault();
        return new IdeasListQuery(
            category is not null && IdeaCategories.IsKnown(category) ? category : null,
            SortFrom(query["sort"].FirstOrDefault()),
            query["after"].FirstOrDefault(),
            PublicCatalog.TagPattern(tag) is null ? null : tag!.Trim().TrimStart('#'),
            Participation.CityStatusSlugs.Parse(query["status"].FirstOrDefault()));
    }

    private static IdeaSort SortFrom(string? value) =>
        string.Equals(value, "title", StringComparison.OrdinalIgnoreCase) ? IdeaSort.Title
        : string.Equals(value, "support", StringComparison.OrdinalIgnoreCase) ? IdeaSort.Support
        : IdeaSort.Newest;

    /// <summary>The list with these filters (and a page cursor when given).</summary>
    public static string Link(string? category, IdeaSort sort, string? after = null, string? tag = null, CityStatus? status = null)
    {
        var query = new Dictionary<string, string?>();
        if (category is not null) query["category"] = category;
        if (tag is not null) query["tag"] = tag;
        if (status is { } s) query["status"] = Participation.CityStatusSlugs.Of(s);
        if (sort == IdeaSort.Title) query["sort"] = "title";
        if (sort == IdeaSort.Support) query["sort"] = "support";
        if (after is not null) query["after"] = after;
        return QueryHelpers.AddQueryString("ideas", query);
    }
}
