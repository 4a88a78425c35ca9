namespace DigitalAlmaty.Web.Features.Catalog;

public sealed record IdeaCard(Guid Id, string Title, string Summary, string? Category, DateTimeOffset PublishedAt, string AuthorName, IReadOnlyList<string> Tags);
