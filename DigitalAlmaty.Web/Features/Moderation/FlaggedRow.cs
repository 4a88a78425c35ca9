using DigitalAlmaty.Domain.Submissions;

namespace DigitalAlmaty.Web.Features.Moderation;

/// <summary>A published item that readers reported, as the queue lists it: how many open reports and why.</summary>
public sealed record FlaggedRow(
    Guid Id, SubmissionKind Kind, string Title, string AuthorName, int Count, IReadOnlyList<FlagReason> Reasons, DateTimeOffset FirstFlaggedAt);
