using DigitalAlmaty.Web.Features.Accounts;
using DigitalAlmaty.Web.Features.Blocking;
using DigitalAlmaty.Web.Features.Submissions;

namespace DigitalAlmaty.Web.Features.Agreement;

/// <summary>The user agreement's versions and acceptance, and blocking: services, the continued-use step, endpoints.</summary>
public static class GovernanceSetup
{
    public const string NoticeCookie = "da.agreement-notice";

    public static IServiceCollection AddPortalGovernance(this IServiceCollection services)
    {
        services.AddMemoryCache();
        services.AddScoped<AgreementService>();
        services.AddScoped<WriteGate>();
        services.AddScoped<GovernanceMessages>();
        services.AddScoped<UserBlockService>();
        services.AddOptions<Inactivity.AnnulmentOptions>().BindConfiguration(Inactivity.AnnulmentOptions.Section);
        services.AddScoped<Inactivity.AccountAnnulment>();
        services.AddHostedService<Inactivity.AnnulmentWatcher>();
        services.AddScoped<Security.AccountSecurity>();
        return services;
    }

    /// <summary>
    /// Clause 1.5: a signed-in request after a minor version accepts it by continued use, recorded
    /// once. Runs after authentication; reading is never interrupted.
    /// </summary>
    public static IApplicationBuilder UsePortalGovernance(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (ActingUser.Id(context.User) is { } userId && IsPageRequest(context.Request))
            {
                await context.RequestServices.GetRequiredService<AgreementService>().RecordContinuedUseAsync(userId);
            }

            await next(context);
        });

    private static bool IsPageRequest(HttpRequest request) =>
        HttpMethods.IsGet(request.Method)
        && !request.Path.StartsWithSegments("/_framework")
        && !request.Path.StartsWithSegments("/_blazor")
        && !request.Path.StartsWithSegments("/_content")
        && !request.Path.StartsWithSegments("/brand")
        && !Path.HasExtension(request.Path.Value);

    public static IEndpointRouteBuilder MapPortalGovernance(this IEndpointRouteBuilder endpoints)
    {
        // The minor-version notice is dismissed for that version (cookie), then the reader goes back.
        endpoints.MapGet("/agreement/notice/dismiss", (HttpContext context, int v, string? returnUrl) =>
        {
            context.Response.Cookies.Append(NoticeCookie, v.ToString(System.Globalization.CultureInfo.InvariantCulture), new CookieOptions
            {
                MaxAge = TimeSpan.FromDays(365),
                HttpOnly = true,
                SameSite = SameSiteMode.Lax,
                IsEssential = true,
            });
            return Results.LocalRedirect(Security.LocalReturnUrl.OrHome(returnUrl));
        });
        return endpoints;
    }
}
