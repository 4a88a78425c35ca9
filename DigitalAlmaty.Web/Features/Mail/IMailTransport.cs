using MimeKit;

namespace DigitalAlmaty.Web.Features.Mail;

/// <summary>Delivers a finished message. SMTP in production, a pickup folder otherwise.</summary>
public interface IMailTransport
{
    Task SendAsync(MimeMessage message, CancellationToken cancellationToken = default);
}
