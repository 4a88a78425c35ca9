using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace DigitalAlmaty.Web.Localization;

/// <summary>
/// Russian is the portal's first language; Kazakh (Cyrillic) and English follow. The language is
/// chosen by <c>?culture=</c> in any URL or by the remembered cookie, never guessed from the browser.
/// </summary>
public static class PortalCultures
{
    public const string Russian = "ru-RU";
    public const string Kazakh = "kk-KZ";
    public const string English = "en-US";
    public const string QueryKey = "culture";

    public static IReadOnlyList<string> All { get; } = [Russian, Kazakh, English];

    public static string CookieName => CookieRequestCultureProvider.DefaultCookieName;

    public static bool IsSupported(string? name) =>
        name is not null && All.Contains(name, StringComparer.OrdinalIgnoreCase);

    /// <summary>Short label shown in the language switcher.</summary>
    public static string ShortLabel(string culture) => culture switch
    {
        Kazakh => "ҚАЗ",
        English => "ENG",
        _ => "РУС",
    };

    /// <summary>The language's own name, for screen readers and tooltips.</summary>
    public static string NativeName(string culture) => culture switch
    {
        Kazakh => "Қазақ тілі",
        English => "English",
        _ => "Русский язык",
    };

    public static string Current => CultureInfo.CurrentUICulture.Name switch
    {
        var name when IsSupported(name) => All.First(c => c.Equals(name, StringComparison.OrdinalIgnoreCase)),
        _ => Russian,
    };

    /// <summary>The value for &lt;html lang&gt;.</summary>
    public static string HtmlLang => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;

    public static RequestLocalizationOptions CreateOptions()
    {
        var options = new RequestLocalizationOptions()
            .SetDefaultCulture(Russian)
            .AddSupportedCultures([.. All])
            .AddSupportedUICultures([.. All]);
        options.FallBackToParentCultures = true;
        options.FallBackToParentUICultures = true;
        options.RequestCultureProviders =
        [
            new QueryStringRequestCultureProvider { QueryStringKey = QueryKey, UIQueryStringKey = QueryKey },
            new CookieRequestCultureProvider(),
        ];
        return options;
    }
}
