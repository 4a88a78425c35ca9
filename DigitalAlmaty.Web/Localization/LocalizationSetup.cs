using DigitalAlmaty.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace DigitalAlmaty.Web.Localization;

public static class LocalizationSetup
{
    public static IServiceCollection AddPortalLocalization(this IServiceCollection services)
    {
        services.AddLocalization();
        // The localizer reads the culture at each lookup, so one instance per T serves every request. The
        // default (transient) registration makes the factory look up assembly attributes for every
        // component that injects a localizer, on every request; this one also keeps the strings it found.
        services.AddSingleton(typeof(IStringLocalizer<>), typeof(CachedStringLocalizer<>));
        services.Configure<RequestLocalizationOptions>(options =>
        {
            var configured = PortalCultures.CreateOptions();
            options.DefaultRequestCulture = configured.DefaultRequestCulture;
            options.SupportedCultures = configured.SupportedCultures;
            options.SupportedUICultures = configured.SupportedUICultures;
            options.RequestCultureProviders = configured.RequestCultureProviders;
        });
        services.AddSingleton<IConfigureOptions<MvcOptions>, LocalizedModelBindingMessages>();
        return services;
    }

    public static IApplicationBuilder UsePortalLocalization(this IApplicationBuilder app)
    {
        app.UseRequestLocalization();
        app.UseMiddleware<CultureCookieMiddleware>();
        return app;
    }

    /// <summary>Model binding's own messages (e.g. a value that is not a number) in the page's language.</summary>
    private sealed class LocalizedModelBindingMessages(IStringLocalizer<AccountText> text) : IConfigureOptions<MvcOptions>
    {
        public void Configure(MvcOptions options)
        {
            var messages = options.ModelBindingMessageProvider;
            messages.SetValueMustNotBeNullAccessor(_ => text["Validation.Required"]);
            messages.SetMissingBindRequiredValueAccessor(_ => text["Validation.Required"]);
            messages.SetMissingKeyOrValueAccessor(() => text["Validation.Required"]);
            messages.SetMissingRequestBodyRequiredValueAccessor(() => text["Validation.Required"]);
            messages.SetValueIsInvalidAccessor(_ => text["Validation.Invalid"]);
            messages.SetAttemptedValueIsInvalidAccessor((_, _) => text["Validation.Invalid"]);
            messages.SetNonPropertyAttemptedValueIsInvalidAccessor(_ => text["Validation.Invalid"]);
            messages.SetUnknownValueIsInvalidAccessor(_ => text["Validation.Invalid"]);
            messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => text["Validation.Invalid"]);
            messages.SetValueMustBeANumberAccessor(_ => text["Validation.Number"]);
            messages.SetNonPropertyValueMustBeANumberAccessor(() => text["Validation.Number"]);
        }
    }
}
