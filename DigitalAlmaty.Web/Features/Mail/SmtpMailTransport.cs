using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace DigitalAlmaty.Web.Features.Mail;

public sealed class SmtpMailTransport(
    IOptions<MailOptions> options, ILogger<SmtpMailTransport> logger, Telemetry.PortalMetrics? metrics = null) : IMailTransport
{
    public Task SendAsync(MimeMessage message, CancellationToken cancellationToken = default) =>
        MailSetup.CountedAsync(metrics, () => DeliverAsync(message, cancellationToken));

    private async Task DeliverAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        var smtp = options.Value.Smtp;
        var security = Enum.Parse<SecureSocketOptions>(smtp.Security, ignoreCase: true);
        using var client = new SmtpClient();
        await client.ConnectAsync(smtp.Host!, smtp.Port, security, cancellationToken);
        if (!string.IsNullOrEmpty(smtp.UserName))
        {
            await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? string.Empty, cancellationToken);
        }

        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
        logger.LogInformation("Mail {Subject} sent through {Host}", message.Subject, smtp.Host);
    }
}
