namespace DigitalAlmaty.Web.Features.Claims;

public static class ClaimsSetup
{
    public static IServiceCollection AddPortalClaims(this IServiceCollection services)
    {
        services.AddOptions<ClaimOptions>().BindConfiguration(ClaimOptions.Section);
        services.AddScoped<ClaimService>();
        services.AddScoped<ClaimReminderService>();
        services.AddSingleton<ClaimMailer>();
        services.AddHostedService<ClaimReminderWatcher>();
        return services;
    }
}
