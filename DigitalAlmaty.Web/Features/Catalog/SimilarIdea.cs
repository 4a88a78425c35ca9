using DigitalAlmaty.Domain.Participation;

namespace DigitalAlmaty.Web.Features.Catalog;

/// <summary>A published idea that looks like the one being written: its title, the city's status and its supports.</summary>
public sealed record SimilarIdea(Guid Id, string Title, CityStatus? CityStatus, int SupportCount);
