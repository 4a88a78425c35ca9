using DigitalAlmaty.Web.Realtime;

namespace DigitalAlmaty.Web.Features.Participation;

/// <summary>An idea's support count changed (it is <paramref name="Count"/> now), on any node.</summary>
public sealed record SupportsChanged(Guid IdeaId, int Count) : PortalEvent;
