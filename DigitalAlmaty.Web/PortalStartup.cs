using DigitalAlmaty.Web.Data;
using DigitalAlmaty.Web.Features.Accounts;
using DigitalAlmaty.Web.Localization;
using DigitalAlmaty.Web.Resources;
using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace DigitalAlmaty.Web;

/// <summary>The pieces of start-up that are more than one line, kept out of Program.cs.</summary>
public static class PortalStartup
{
    public static IServiceCollection AddPortalPages(this IServiceCollection services)
    {
        services.AddRazorPages(options =>
            {
                options.Conventions.AuthorizeAreaFolder("Identity", "/Account/Manage");
                options.Conventions.Add(new OnlyOurIdentityPages());
                // Sign-in, registration, reset and every account form: the stricter per-address limit on posts.
                options.Conventions.AddAreaFolderApplicationModelConvention("Identity", "/Account", model =>
                    model.EndpointMetadata.Add(new Microsoft.AspNetCore.RateLimiting.EnableRateLimitingAttribute(Features.Security.RateLimits.AccountPolicy)));
            })
            .AddViewOptions(options => options.HtmlHelperOptions.ClientValidationEnabled = false)
            .AddMvcOptions(options =>
            {
                options.SuppressImplicitRequiredAttributeForNonNullableReferenceTypes = true;
                options.ModelMetadataDetailsProviders.Add(new EmptyStringsStayEmpty());
            })
            .AddViewLocalization()
            .AddDataAnnotationsLocalization(options =>
                options.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(AccountText)));
        services.AddRazorComponents().AddInteractiveServerComponents();
        // Cyrillic (Russian and Kazakh) is written as text, not as character references.
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(options =>
            options.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddScoped<DatabaseInitializer>();
        services.AddScoped<Features.Demo.DemoSeeder>();
        services.AddSingleton<Components.Shared.MarkdownRenderer>();
        services.AddSingleton<Realtime.PortalEventFeed>();
        services.AddScoped<Features.Submissions.SubmissionService>();
        services.AddScoped<Features.Submissions.SubmissionMessages>();
        services.AddScoped<Features.Moderation.ModerationService>();
        services.AddScoped<Features.Flags.FlagService>();
        Features.Participation.ParticipationSetup.AddPortalParticipation(services);
        services.AddScoped<Features.Moderation.ReviewDecisions>();
        services.AddScoped<Features.Catalog.PublicCatalog>();
        services.AddSingleton<Features.Catalog.CatalogQueries>();
        services.AddScoped<Features.Catalog.IdeasListMarkup>();
        services.AddSingleton<Components.Layout.SiteShellMarkup>();
        services.AddScoped<Features.Catalog.PortalSearch>();
        services.AddScoped<Features.Catalog.SimilarIdeas>();
        services.AddSingleton<Features.Moderation.ModerationQueue>();
        services.AddScoped<Features.Moderation.QueueCountRelay>();
        services.AddOptions<Features.Moderation.ModerationOptions>().BindConfiguration(Features.Moderation.ModerationOptions.Section);
        services.AddSingleton<Features.Moderation.ReviewPresence>();
        services.AddHostedService(sp => sp.GetRequiredService<Features.Moderation.ReviewPresence>());
        services.AddScoped<Features.Notifications.NotificationService>();
        services.AddSingleton<Features.Notifications.DecisionMailer>();
        Features.Files.FilesSetup.AddPortalFiles(services);
        services.AddScoped<Features.Publications.PublicationService>();
        services.AddScoped<Features.Publications.PublicationCatalog>();
        services.AddOptions<Features.Publications.PublicationOptions>().BindConfiguration(Features.Publications.PublicationOptions.Section);
        services.AddHostedService<Features.Publications.PublicationCacheInvalidation>();
        services.AddHostedService<Features.Publications.PublicationScheduleWatcher>();
        return services;
    }

    /// <summary>Migrates the database and creates the first administrator. False means: do not start.</summary>
    public static async Task<bool> PrepareAsync(this WebApplication app)
    {
        var timeline = app.Services.GetRequiredService<Features.Operations.StartupTimeline>();
        timeline.Mark("host built");
        using var scope = app.Services.CreateScope();
        if (!await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().TryMigrateAsync())
        {
            return false;
        }

        timeline.Mark("database ready");
        await scope.ServiceProvider.GetRequiredService<AccountsBootstrap>().RunAsync();
        timeline.Mark("first administrator checked");
        await scope.ServiceProvider.GetRequiredService<Features.Demo.DemoSeeder>().RunAsync();
        timeline.Mark("demo content checked");
        app.Lifetime.ApplicationStarted.Register(timeline.Report);
        return true;
    }

    /// <summary>
    /// Identity UI ships many English-only pages. Every page a user can reach is overridden under
    /// Areas/Identity/Pages in three languages; any built-in page we did not override answers 404
    /// instead of appearing in English.
    /// </summary>
    private sealed class OnlyOurIdentityPages : IPageApplicationModelConvention
    {
        public void Apply(PageApplicationModel model)
        {
            if (model.AreaName == "Identity" && model.HandlerType.Assembly != typeof(PortalStartup).Assembly
                && model.PageType.Assembly != typeof(PortalStartup).Assembly)
            {
                model.Filters.Add(new NotFoundFilter());
            }
        }
    }

    /// <summary>
    /// An empty field binds as "" rather than null, so the non-nullable strings of input models
    /// never hold null; [Required] still rejects empty and whitespace-only input.
    /// </summary>
    private sealed class EmptyStringsStayEmpty : Microsoft.AspNetCore.Mvc.ModelBinding.Metadata.IDisplayMetadataProvider
    {
        public void CreateDisplayMetadata(Microsoft.AspNetCore.Mvc.ModelBinding.Metadata.DisplayMetadataProviderContext context)
        {
            if (context.Key.ModelType == typeof(string))
            {
                context.DisplayMetadata.ConvertEmptyStringToNull = false;
            }
        }
    }

    private sealed class NotFoundFilter : Microsoft.AspNetCore.Mvc.Filters.IAsyncPageFilter
    {
        public Task OnPageHandlerSelectionAsync(Microsoft.AspNetCore.Mvc.Filters.PageHandlerSelectedContext context) =>
            Task.CompletedTask;

        public Task OnPageHandlerExecutionAsync(
            Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutingContext context,
            Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutionDelegate next)
        {
            context.Result = new Microsoft.AspNetCore.Mvc.NotFoundResult();
            return Task.CompletedTask;
        }
    }
}
