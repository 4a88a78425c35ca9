namespace DigitalAlmaty.Web.Resources;

/// <summary>Strings of outgoing e-mail.</summary>
public sealed class MailText;
