using System.Collections.Concurrent;
using DigitalAlmaty.Web.Localization;

namespace DigitalAlmaty.Web.Features.Agreement;

/// <summary>
/// The portal's own sample agreement, shown at /agreement until administrators publish versions
/// (the governance issue). Written for this portal; the real agreement is never copied in.
/// </summary>
public static class SampleAgreement
{
    private static readonly ConcurrentDictionary<string, string> Cache = new();

    public static string Markdown(string culture)
    {
        var language = culture switch
        {
            PortalCultures.Kazakh => "kk",
            PortalCultures.English => "en",
            _ => "ru",
        };
        return Cache.GetOrAdd(language, Load);
    }

    private static string Load(string language)
    {
        using var stream = typeof(SampleAgreement).Assembly.GetManifestResourceStream($"SampleAgreement-{language}.md")
            ?? throw new InvalidOperationException($"The sample agreement in '{language}' is not embedded.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
