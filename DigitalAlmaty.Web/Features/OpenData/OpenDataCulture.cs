using System.Globalization;
using DigitalAlmaty.Web.Localization;
using Microsoft.Net.Http.Headers;

namespace DigitalAlmaty.Web.Features.OpenData;

/// <summary>
/// The API's language: <c>?culture=</c> when given, else the best supported one in Accept-Language,
/// else Russian. Unlike the pages, the remembered cookie does not count: a shared cache keys API
/// answers by address and Accept-Language only (Vary).
/// </summary>
public static class OpenDataCulture
{
    /// <summary>The culture for the request; <paramref name="unsupported"/> is the query's value when it names no portal language.</summary>
    public static string Resolve(HttpRequest request, out string? unsupported)
    {
        unsupported = null;
        var query = request.Query[PortalCultures.QueryKey].ToString();
        if (query.Length > 0)
        {
            if (PortalCultures.IsSupported(query))
            {
                return PortalCultures.All.First(c => c.Equals(query, StringComparison.OrdinalIgnoreCase));
            }

            unsupported = query;
            return PortalCultures.Russian;
        }

        if (StringWithQualityHeaderValue.TryParseList(request.Headers.AcceptLanguage, out var ranges))
        {
            foreach (var range in ranges.Where(r => (r.Quality ?? 1) > 0).OrderByDescending(r => r.Quality ?? 1))
            {
                var tag = range.Value.Value ?? string.Empty;
                var match = PortalCultures.All.FirstOrDefault(c => c.Equals(tag, StringComparison.OrdinalIgnoreCase))
                    ?? PortalCultures.All.FirstOrDefault(c => c.StartsWith(tag.Split('-')[0] + "-", StringComparison.OrdinalIgnoreCase));
                if (match is not null && tag != "*")
                {
                    return match;
                }
            }
        }

        return PortalCultures.Russian;
    }

    public static void Apply(string culture)
    {
        var info = CultureInfo.GetCultureInfo(culture);
        CultureInfo.CurrentCulture = info;
        CultureInfo.CurrentUICulture = info;
    }
}
