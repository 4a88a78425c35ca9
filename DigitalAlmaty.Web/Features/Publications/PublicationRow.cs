using DigitalAlmaty.Domain.Publications;

namespace DigitalAlmaty.Web.Features.Publications;

/// <summary>A row of the staff list.</summary>
public sealed record PublicationRow(Guid Id, PublicationKind Kind, PublicationStatus Status, string Title, IReadOnlyList<string> Languages, DateTimeOffset? PublishAt, DateTimeOffset UpdatedAt);
