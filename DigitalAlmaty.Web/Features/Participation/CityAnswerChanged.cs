using DigitalAlmaty.Domain.Participation;
using DigitalAlmaty.Web.Realtime;

namespace DigitalAlmaty.Web.Features.Participation;

/// <summary>The city answered an idea (its status is <paramref name="Status"/> now), on any node.</summary>
public sealed record CityAnswerChanged(Guid IdeaId, CityStatus Status) : PortalEvent;
