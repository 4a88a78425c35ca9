namespace DigitalAlmaty.Web.Features.Mail;

/// <summary>The <c>Email</c> configuration section.</summary>
public sealed class MailOptions
{
    public const string Section = "Email";

    public string FromAddress { get; set; } = "no-reply@digital-almaty.kz";

    public string FromName { get; set; } = "Digital Almaty";

    /// <summary>Where .eml files go when no SMTP host is configured. Relative to the content root.</summary>
    public string PickupDirectory { get; set; } = "App_Data/mail";

    public SmtpSettings Smtp { get; set; } = new();

    public sealed class SmtpSettings
    {
        public string? Host { get; set; }

        public int Port { get; set; } = 587;

        public string? UserName { get; set; }

        public string? Password { get; set; }

        /// <summary>Auto, None, SslOnConnect, StartTls, StartTlsWhenAvailable.</summary>
        public string Security { get; set; } = "Auto";
    }
}
