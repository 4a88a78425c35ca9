using Microsoft.AspNetCore.Http.HttpResults;

namespace DigitalAlmaty.Web.Features.Security;

/// <summary>
/// Where to go back to after an action: only an address on this site, decided by the framework's
/// own rule (<see cref="RedirectHttpResult.IsLocalUrl"/>), which also refuses control characters
/// that browsers drop (<c>/\t/evil.example</c> is <c>//evil.example</c> to them).
/// </summary>
public static class LocalReturnUrl
{
    public const string Home = "/";

    /// <summary><paramref name="url"/> when it is local (an app-relative <c>~/x</c> as <c>/x</c>), otherwise <see cref="Home"/>.</summary>
    public static string OrHome(string? url) =>
        !RedirectHttpResult.IsLocalUrl(url) ? Home
        : url!.StartsWith('~') ? url[1..]
        : url;
}
