namespace DigitalAlmaty.Web.Features.Mail;

public static class MailSetup
{
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
