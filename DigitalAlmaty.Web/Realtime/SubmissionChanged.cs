using DigitalAlmaty.Domain.Submissions;

namespace DigitalAlmaty.Web.Realtime;

/// <summary>Which submission changed and where it now stands.</summary>
public sealed record SubmissionChanged(Guid Id, SubmissionKind Kind, SubmissionStatus Status, string AuthorId) : PortalEvent;
