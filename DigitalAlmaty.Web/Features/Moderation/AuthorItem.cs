using DigitalAlmaty.Domain.Submissions;

namespace DigitalAlmaty.Web.Features.Moderation;

/// <summary>One of the author's other items, with where it stands.</summary>
public sealed record AuthorItem(Guid Id, SubmissionKind Kind, string Title, SubmissionStatus Status, DateTimeOffset UpdatedAt);
