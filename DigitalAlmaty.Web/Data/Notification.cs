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

    /// <summary>
    /// Null for a decision on the user's item; otherwise what else the notification is about, e.g.
    /// <see cref="AccessReportedTopic"/> (then <see cref="Message"/> holds the user's display name).
    /// </summary>
    public string? Topic { get; set; }

    /// <summary>A user reported unauthorised access to their account (4.3.3); sent to administrators.</summary>
    public const string AccessReportedTopic = "Security.AccessReported";

    /// <summary>Prefix of the topics that tell a user a staff role was granted or revoked (then <see cref="Message"/> holds the reason).</summary>
    public const string StaffTopicPrefix = "Staff.";

    /// <summary>A new comment on an item the user wrote or follows (then <see cref="Message"/> holds the item's title).</summary>
    public const string CommentTopic = "Comment.New";

    /// <summary>Prefix of the topics that tell an idea's author and followers the city answered it.</summary>
    public const string CityAnswerTopicPrefix = "City.";

    /// <summary>The topic of the city's answer, e.g. <c>City.Accepted</c> (then <see cref="Message"/> holds the idea's title).</summary>
    public static string CityAnswerTopic(Enum status) => CityAnswerTopicPrefix + status;

    /// <summary>The topic of a staff-role change, e.g. <c>Staff.Granted.Moderator</c>.</summary>
    public static string StaffTopic(string role, bool granted) => $"{StaffTopicPrefix}{(granted ? "Granted" : "Revoked")}.{role}";
}
