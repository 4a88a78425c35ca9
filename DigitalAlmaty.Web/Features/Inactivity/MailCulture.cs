using System.Globalization;
using DigitalAlmaty.Web.Localization;

namespace DigitalAlmaty.Web.Features.Inactivity;

/// <summary>Writes a letter in its recipient's language, whatever the current request's is.</summary>
public static class MailCulture
{
    public static IDisposable Use(string? preferred)
    {
        var previous = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        var culture = CultureInfo.GetCultureInfo(PortalCultures.IsSupported(preferred) ? preferred! : PortalCultures.Russian);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = culture;
        return new Restore(() => (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = previous);
    }

    private sealed class Restore(Action restore) : IDisposable
    {
        public void Dispose() => restore();
    }
}
