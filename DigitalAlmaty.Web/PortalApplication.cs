using DigitalAlmaty.Web.Components;
using DigitalAlmaty.Web.Data;
using DigitalAlmaty.Web.Features.Accounts;
using DigitalAlmaty.Web.Features.Agreement;
using DigitalAlmaty.Web.Features.Catalog;
using DigitalAlmaty.Web.Features.Claims;
using DigitalAlmaty.Web.Features.Files;
using DigitalAlmaty.Web.Features.Mail;
using DigitalAlmaty.Web.Features.OpenData;
using DigitalAlmaty.Web.Features.Operations;
using DigitalAlmaty.Web.Features.Participation;
using DigitalAlmaty.Web.Features.PersonalData;
using DigitalAlmaty.Web.Features.Security;
using DigitalAlmaty.Web.Localization;
using DigitalAlmaty.Web.Realtime;
using Microsoft.AspNetCore.DataProtection;
using MudBlazor.Services;

namespace DigitalAlmaty.Web;

/// <summary>
/// The portal's composition, a table of contents: services, the operator's commands, the start-up
/// checks, the middleware in order and the endpoints. Program.cs runs it as it is; a host that adds
/// to the portal passes <see cref="PortalExtensions"/> and gets the same pipeline.
/// </summary>
public static class PortalApplication
{
    /// <summary>Runs the portal (or an operator's command) until it stops; the process's exit code.</summary>
    public static async Task<int> RunAsync(string[] args, PortalExtensions? extensions = null)
    {
        extensions ??= new PortalExtensions();
        // The application's name stays the program's: a host's static assets manifest (and its list
        // of script initializers) holds the portal's assets with its own, and Razor Pages are found
        // in the portal's assembly as a dependency of the host.
        var builder = WebApplication.CreateBuilder(args);
        AddServices(builder);
        extensions.Services?.Invoke(builder);

        var app = builder.Build();

        // The operator's backup / restore of a SQLite portal: no migration, no seeding, then exits.
        if (Features.Backup.BackupCommand.IsRequested(args))
        {
            return await Features.Backup.BackupCommand.RunAsync(app.Services, args, Console.Out);
        }

        // The operator's command line (roles list / grant / revoke) runs against the same database, then exits.
        if (Features.Admin.RolesCommand.IsRequested(args))
        {
            return await app.PrepareAsync() ? await Features.Admin.RolesCommand.RunAsync(app.Services, args, Console.Out) : 1;
        }

        if (!ExposureCheck.Passes(app) || !await app.PrepareAsync()
            || (extensions.Prepared is { } prepared && !await prepared(app.Services)))
        {
            // Disposing drains the console logger's queue: the reason reaches the operator's journal before the exit.
            await app.DisposeAsync();
            return 1;
        }

        UseMiddleware(app, extensions);
        MapEndpoints(app, extensions);
        app.Services.GetRequiredService<Features.Operations.StartupTimeline>().Mark("endpoints mapped");
        await app.RunAsync();
        return 0;
    }

    private static void AddServices(WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddPortalLocalization();
        builder.Services.AddPortalDatabase(builder.Configuration, builder.Environment);
        builder.Services.AddPortalAccounts();
        builder.Services.AddPortalMail(builder.Configuration);
        builder.Services.AddPortalReverseProxy(builder.Configuration);
        builder.Services.AddPortalRateLimits(builder.Configuration);
        builder.Services.AddPortalSecurityHeaders();
        builder.Services.AddPortalPages();
        builder.Services.AddPublicPageCache();
        builder.Services.AddPortalRealtime(builder.Configuration);
        builder.Services.AddPortalGovernance();
        builder.Services.AddPortalClaims();
        builder.Services.AddPortalPersonalData();
        builder.Services.AddPortalOpenData();
        builder.Services.AddMudServices();
        builder.Services.AddDataProtection()
            .PersistKeysToDbContext<PortalDbContext>()
            .SetApplicationName("DigitalAlmaty");
        builder.Services.AddHealthChecks().AddDbContextCheck<PortalDbContext>("database");
        builder.AddPortalOperations();
    }

    private static void UseMiddleware(WebApplication app, PortalExtensions extensions)
    {
        // The client's address and scheme as the trusted proxy saw them, before anything reads either.
        app.UseForwardedHeaders();

        // CSP, frame, referrer and permission rules, HSTS outside Development: on every response from here on.
        app.UsePortalSecurityHeaders();

        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error", createScopeForErrors: true);
        }

        extensions.Middleware?.Invoke(app);

        // Localization runs first so that a re-executed error page keeps the visitor's language.
        app.UsePortalLocalization();
        app.UseStatusCodePagesWithReExecute("/status/{0}", createScopeForStatusCodePages: true);
        // The open API answers in its own language and with problem details, also when refused by the rate limiter.
        app.UsePortalOpenData();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UsePortalLogScope();
        app.UseAuthorization();
        app.UsePortalActivity();
        app.UsePortalGovernance();
        app.UseStaticPublicPages();
        app.UseOutputCache();
        app.UseAntiforgery();
    }

    private static void MapEndpoints(WebApplication app, PortalExtensions extensions)
    {
        app.UseBrandAssets();
        app.MapStaticAssets();
        app.MapHealthChecks("/healthz");
        app.MapPortalOperations();
        app.MapPortalFiles();
        app.MapPortalFeeds().WithMetadata(new PublicPageAttribute()).CacheOutput(PublicPageCache.Policy);
        app.MapPortalSitemap().WithMetadata(new PublicPageAttribute()).CacheOutput(PublicPageCache.Policy);
        extensions.Endpoints?.Invoke(app);
        app.MapPortalGovernance();
        app.MapPortalDigests();
        app.MapPortalPersonalData();
        app.MapPortalOpenData();
        app.MapRazorPages();
        PublicPages(app.MapRazorComponents<App>().AddInteractiveServerRenderMode(RealtimeSetup.ServerRenderMode));
        app.MapStaticPublicPages<App>(PublicPages);
    }

    /// <summary>What the pages and their static twins (StaticPublicPages) have alike.</summary>
    private static void PublicPages(RazorComponentsEndpointConventionBuilder pages) =>
        pages.AnswerHeadOnPublicPages().CacheOutput(PublicPageCache.Policy);
}
