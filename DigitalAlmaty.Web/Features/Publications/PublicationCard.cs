using DigitalAlmaty.Domain.Publications;

namespace DigitalAlmaty.Web.Features.Publications;

/// <summary>A publication in a public list, in the language chosen for the reader.</summary>
public sealed record PublicationCard(Guid Id, PublicationKind Kind, string Language, string Title, string Summary, DateTimeOffset PublishedAt, Guid? CoverImageId);
