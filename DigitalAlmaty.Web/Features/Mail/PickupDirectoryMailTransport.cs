using Microsoft.Extensions.Options;
using MimeKit;

namespace DigitalAlmaty.Web.Features.Mail;

public sealed class PickupDirectoryMailTransport(
    IOptions<MailOptions> options, IHostEnvironment environment, ILogger<PickupDirectoryMailTransport> logger,
    Telemetry.PortalMetrics? metrics = null) : IMailTransport
{
    public string Directory => Path.GetFullPath(options.Value.PickupDirectory, environment.ContentRootPath);

    public Task SendAsync(MimeMessage message, CancellationToken cancellationToken = default) =>
        MailSetup.CountedAsync(metrics, () => WriteAsync(message, cancellationToken));

    private async Task WriteAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var name = $"{DateTime.UtcNow:yyyyMMdd-HHmmssfff}-{Guid.NewGuid():N}.eml";
        var path = Path.Combine(Directory, name);
        // Written under another name and moved into place, so that a reader (the dev mailbox, a
        // test) never opens a letter that is still being written.
        var partial = path + ".part";
        await message.WriteToAsync(partial, cancellationToken);
        File.Move(partial, path);
        logger.LogInformation("Mail {Subject} written to {Path}", message.Subject, path);
    }
}
