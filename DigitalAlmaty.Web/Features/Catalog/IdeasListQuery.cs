using DigitalAlmaty.Domain.Ideas;
using Microsoft.AspNetCore.WebUtilities;

namespace DigitalAlmaty.Web.Features.Catalog;

/// <summary>What a reader asked of /ideas, read once from the query string and made safe.</summary>
public sealed record IdeasListQuery(string? Category, IdeaSort Sort, string? After, string? Tag)
{
    public static IdeasListQuery From(IQueryCollection query)
    {
        var category = query["category"].FirstOrDefault();
        var tag = query["tag"].FirstOrDefault();
        var sort = string.Equals(query["sort"].FirstOrDefault(), "title", StringComparison.OrdinalIgnoreCase) ? IdeaSort.Title : IdeaSort.Newest;
        return new IdeasListQuery(
            category is not null && IdeaCategories.IsKnown(category) ? category : null,
            sort,
            query["after"].FirstOrDefault(),
            PublicCatalog.TagPattern(tag) is null ? null : tag!.Trim().TrimStart('#'));
    }

    /// <summary>The list with these filters (and a page cursor when given).</summary>
    public static string Link(string? category, IdeaSort sort, string? after = null, string? tag = null)
    {
        var query = new Dictionary<string, string?>();
        if (category is not null) query["category"] = category;
        if (tag is not null) query["tag"] = tag;
        if (sort == IdeaSort.Title) query["sort"] = "title";
        if (after is not null) query["after"] = after;
        return QueryHelpers.AddQueryString("ideas", query);
    }
}
