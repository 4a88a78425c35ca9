using DigitalAlmaty.Domain.Submissions;

namespace DigitalAlmaty.Web.Data;

/// <summary>An in-app notification (the bell): for now, a moderator's decision on the user's item.</summary>
public sealed class Notification
{
    public Guid Id { get; set; }

    public string UserId { get; set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; set; }

    public Guid SubmissionId { get; set; }

    public SubmissionKind Kind { get; set; }

    public SubmissionAction Action { get; set; }

    public string SubmissionTitle { get; set; } = string.Empty;

    public string? Message { get; set; }

    public DateTimeOffset? ReadAt { get; set; }
}
