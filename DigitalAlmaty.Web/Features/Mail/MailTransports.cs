using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace DigitalAlmaty.Web.Features.Mail;

/// <summary>Delivers a finished message. SMTP in production, a pickup folder otherwise.</summary>
public interface IMailTransport
{
    Task SendAsync(MimeMessage message, CancellationToken cancellationToken = default);
}

public sealed class SmtpMailTransport(
    IOptions<MailOptions> options, ILogger<SmtpMailTransport> logger, Operations.PortalMetrics? metrics = null) : IMailTransport
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

public sealed class PickupDirectoryMailTransport(
    IOptions<MailOptions> options, IHostEnvironment environment, ILogger<PickupDirectoryMailTransport> logger,
    Operations.PortalMetrics? metrics = null) : IMailTransport
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

public static class MailSetup
{
    /// <summary>Counts the letter as sent or failed (<c>digitalalmaty.mail.letters</c>); the failure still reaches the caller.</summary>
    internal static async Task CountedAsync(Operations.PortalMetrics? metrics, Func<Task> deliver)
    {
        try
        {
            await deliver();
        }
        catch
        {
            metrics?.LetterFailed();
            throw;
        }

        metrics?.LetterSent();
    }

    public static IServiceCollection AddPortalMail(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<MailOptions>(configuration.GetSection(MailOptions.Section));
        if (string.IsNullOrWhiteSpace(configuration[$"{MailOptions.Section}:Smtp:Host"]))
        {
            services.AddSingleton<IMailTransport, PickupDirectoryMailTransport>();
        }
        else
        {
            services.AddSingleton<IMailTransport, SmtpMailTransport>();
        }

        services.AddScoped<AccountMailer>();
        services.AddOptions<PortalLinkOptions>().BindConfiguration(PortalLinkOptions.Section);
        services.AddSingleton<PublicLinks>();
        return services;
    }
}
