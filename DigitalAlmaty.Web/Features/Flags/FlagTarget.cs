using DigitalAlmaty.Domain.Submissions;

namespace DigitalAlmaty.Web.Features.Flags;

/// <summary>What the report page needs to know before it shows the form.</summary>
public sealed record FlagTarget(Guid Id, SubmissionKind Kind, string Title, bool AlreadyReported, bool IsOwn);
