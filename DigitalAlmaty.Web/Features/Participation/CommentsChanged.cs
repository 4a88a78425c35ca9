using DigitalAlmaty.Web.Realtime;

namespace DigitalAlmaty.Web.Features.Participation;

/// <summary>A comment on the item was posted, changed, hidden, restored or reported, on any node.</summary>
public sealed record CommentsChanged(Guid SubmissionId) : PortalEvent;
