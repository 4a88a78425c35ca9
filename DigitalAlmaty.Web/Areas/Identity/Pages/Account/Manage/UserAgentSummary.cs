using System.Text.RegularExpressions;

namespace DigitalAlmaty.Web.Areas.Identity.Pages.Account.Manage;

/// <summary>"Chrome 131 · Windows" from a User-Agent header: enough for a person to recognise their own device.</summary>
public static partial class UserAgentSummary
{
    private static readonly (string Name, Regex Pattern)[] Browsers =
    [
        ("Yandex Browser", YandexPattern()),
        ("Edge", EdgePattern()),
        ("Opera", OperaPattern()),
        ("Firefox", FirefoxPattern()),
        ("Chrome", ChromePattern()),
        ("Safari", SafariPattern()),
    ];

    private static readonly (string Name, string Marker)[] Systems =
    [
        ("Android", "Android"),
        ("iOS", "iPhone"),
        ("iPadOS", "iPad"),
        ("Windows", "Windows"),
        ("macOS", "Mac OS X"),
        ("ChromeOS", "CrOS"),
        ("Linux", "Linux"),
    ];

    public static string? Describe(string? userAgent)
    {
        if (string.IsNullOrWhiteSpace(userAgent))
        {
            return null;
        }

        string? browser = null;
        foreach (var (name, pattern) in Browsers)
        {
            var match = pattern.Match(userAgent);
            if (match.Success)
            {
                browser = match.Groups["v"].Success ? $"{name} {match.Groups["v"].Value}" : name;
                break;
            }
        }

        var system = Systems.FirstOrDefault(s => userAgent.Contains(s.Marker, StringComparison.Ordinal)).Name;
        return (browser, system) switch
        {
            (null, null) => userAgent.Length > 60 ? userAgent[..60] + "…" : userAgent,
            (null, _) => system,
            (_, null) => browser,
            _ => $"{browser} · {system}",
        };
    }

    [GeneratedRegex(@"YaBrowser/(?<v>\d+)")]
    private static partial Regex YandexPattern();

    [GeneratedRegex(@"Edg(?:e|A|iOS)?/(?<v>\d+)")]
    private static partial Regex EdgePattern();

    [GeneratedRegex(@"(?:OPR|Opera)/(?<v>\d+)")]
    private static partial Regex OperaPattern();

    [GeneratedRegex(@"(?:Firefox|FxiOS)/(?<v>\d+)")]
    private static partial Regex FirefoxPattern();

    [GeneratedRegex(@"(?:Chrome|Chromium|CriOS)/(?<v>\d+)")]
    private static partial Regex ChromePattern();

    [GeneratedRegex(@"Version/(?<v>\d+)[\d.]* .*Safari/")]
    private static partial Regex SafariPattern();
}
