using Microsoft.AspNetCore.Localization;

namespace DigitalAlmaty.Web.Localization;

/// <summary>Remembers a language chosen with <c>?culture=</c> in a cookie for a year.</summary>
public sealed class CultureCookieMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        var requested = context.Request.Query[PortalCultures.QueryKey].ToString();
        if (PortalCultures.IsSupported(requested))
        {
            var culture = PortalCultures.All.First(c => c.Equals(requested, StringComparison.OrdinalIgnoreCase));
            var existing = context.Request.Cookies[PortalCultures.CookieName];
            var value = CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture));
            if (existing != value)
            {
                context.Response.Cookies.Append(PortalCultures.CookieName, value, new CookieOptions
                {
                    Expires = DateTimeOffset.UtcNow.AddYears(1),
                    IsEssential = true,
                    HttpOnly = false,
                    SameSite = SameSiteMode.Lax,
                    Secure = context.Request.IsHttps,
                });
            }
        }

        return next(context);
    }
}
