namespace DigitalAlmaty.Web.Features.Catalog;

/// <summary>One page of a list and the cursor of the next one (null on the last page).</summary>
public sealed record CatalogPage<T>(IReadOnlyList<T> Items, string? NextCursor);
