using System.Globalization;
using DigitalAlmaty.Domain.Publications;
using DigitalAlmaty.Web.Localization;

namespace DigitalAlmaty.Web.Features.Publications;

/// <summary>Section paths and the language of a culture name.</summary>
public static class PublicationSections
{
    public static string PathOf(PublicationKind kind) => kind switch
    {
        PublicationKind.Report => "reports",
        PublicationKind.Project => "projects",
        _ => "news",
    };

    public static PublicationKind? KindOfPath(string? path) => path?.Trim('/').Split('/')[0].ToLowerInvariant() switch
    {
        "news" => PublicationKind.News,
        "reports" => PublicationKind.Report,
        "projects" => PublicationKind.Project,
        _ => null,
    };

    public static string CultureOf(string language) => language switch
    {
        PublicationLanguages.Kazakh => PortalCultures.Kazakh,
        PublicationLanguages.English => PortalCultures.English,
        _ => PortalCultures.Russian,
    };

    public static string CurrentLanguage => PublicationLanguages.FromCulture(CultureInfo.CurrentUICulture.Name);

    /// <summary>"1,2 МБ" / "1.2 MB": the reader's number format and units (Russian and Kazakh write Б, КБ, МБ).</summary>
    public static string Size(long bytes)
    {
        var english = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";
        return bytes switch
        {
            < 1024 => $"{bytes} {(english ? "B" : "Б")}",
            < 1024 * 1024 => string.Create(CultureInfo.CurrentCulture, $"{bytes / 1024.0:0} {(english ? "KB" : "КБ")}"),
            _ => string.Create(CultureInfo.CurrentCulture, $"{bytes / (1024.0 * 1024):0.0} {(english ? "MB" : "МБ")}"),
        };
    }
}
