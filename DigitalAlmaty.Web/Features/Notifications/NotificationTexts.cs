using DigitalAlmaty.Web.Data;
using DigitalAlmaty.Web.Features.Submissions;
using DigitalAlmaty.Web.Resources;
using Microsoft.Extensions.Localization;

namespace DigitalAlmaty.Web.Features.Notifications;

/// <summary>The one-line description of a decision, shared by the bell and the e-mail.</summary>
public static class NotificationTexts
{
    public static string Headline(IStringLocalizer<NotificationText> text, Notification notification) =>
        notification.Topic is { } topic
            ? text[$"Topic.{topic}", notification.Message ?? string.Empty]
            : text[$"Decision.{notification.Action}", notification.SubmissionTitle];

    /// <summary>Where the notification leads (relative to the base address).</summary>
    public static string Link(Notification notification) => notification.Topic switch
    {
        Notification.AccessReportedTopic => $"admin/users?q={Uri.EscapeDataString(notification.Message ?? string.Empty)}",
        "Staff.Granted.Moderator" => "moderation",
        "Staff.Granted.Editor" => "staff/publications",
        "Staff.Granted.Admin" => "admin/users",
        { } topic when topic.StartsWith(Notification.StaffTopicPrefix, StringComparison.Ordinal) => SubmissionRoutes.Mine,
        Notification.CommentTopic => SubmissionRoutes.Item(notification.Kind, notification.SubmissionId) + "#comments",
        { } topic when topic.StartsWith(Notification.CityAnswerTopicPrefix, StringComparison.Ordinal) =>
            SubmissionRoutes.Item(notification.Kind, notification.SubmissionId) + "#city-answer",
        _ => $"{SubmissionRoutes.Mine}/{notification.SubmissionId}",
    };

    /// <summary>The moderator's message, shown under a decision; other topics carry no separate message.</summary>
    public static string? ModeratorMessage(Notification notification) =>
        notification.Topic is null && !string.IsNullOrWhiteSpace(notification.Message) ? notification.Message : null;
}
