using DigitalAlmaty.Domain.Submissions;

namespace DigitalAlmaty.Web.Features.Submissions;

public sealed record MySubmission(
    Guid Id, SubmissionKind Kind, string Title, SubmissionStatus Status, DateTimeOffset UpdatedAt, string? LatestModeratorMessage);
