namespace DigitalAlmaty.Web.Resources;

/// <summary>Strings of in-app notifications and decision e-mails.</summary>
public sealed class NotificationText;
