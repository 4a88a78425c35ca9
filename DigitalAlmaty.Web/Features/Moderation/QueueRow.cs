using DigitalAlmaty.Domain.Submissions;

namespace DigitalAlmaty.Web.Features.Moderation;

/// <summary>One waiting item as the queue lists it: no history, no body.</summary>
public sealed record QueueRow(
    Guid Id, SubmissionKind Kind, string Title, string AuthorName, string? Category, DateTimeOffset SubmittedAt, bool IsResubmission);
