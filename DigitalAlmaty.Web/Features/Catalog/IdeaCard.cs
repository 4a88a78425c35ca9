using DigitalAlmaty.Domain.Participation;

namespace DigitalAlmaty.Web.Features.Catalog;

public sealed record IdeaCard(
    Guid Id, string Title, string Summary, string? Category, DateTimeOffset PublishedAt, string AuthorName, IReadOnlyList<string> Tags,
    int SupportCount = 0, CityStatus? CityStatus = null);
