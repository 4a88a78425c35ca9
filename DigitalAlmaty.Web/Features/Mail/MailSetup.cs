namespace DigitalAlmaty.Web.Features.Mail;

public static class MailSetup
{
    /// <summary>Counts the letter as sent or failed (<c>digitalalmaty.mail.letters</c>); the failure still reaches the caller.</summary>
    internal static async Task CountedAsync(Telemetry.PortalMetrics? metrics, Func<Task> deliver)
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
