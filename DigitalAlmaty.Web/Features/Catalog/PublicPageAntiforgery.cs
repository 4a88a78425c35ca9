using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Options;

namespace DigitalAlmaty.Web.Features.Catalog;

/// <summary>
/// Blazor asks for antiforgery tokens on every page once interactive render modes exist, and storing
/// them sets a cookie and "no-store", which makes a page uncacheable. On public pages served to
/// anonymous readers there is no form to protect, so no tokens are made at all (making them costs two
/// encryptions per request). Everywhere else (forms, signed-in users) nothing changes.
/// </summary>
internal sealed class PublicPageAntiforgery(IAntiforgery inner, IOptions<AntiforgeryOptions> options) : IAntiforgery
{
    public static bool IsAnonymousPublicRead(HttpContext http) =>
        (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method))
        && http.User.Identity?.IsAuthenticated != true
        && http.GetEndpoint()?.Metadata.GetMetadata<PublicPageAttribute>() is not null;

    public AntiforgeryTokenSet GetAndStoreTokens(HttpContext httpContext) =>
        IsAnonymousPublicRead(httpContext) ? NoTokens : inner.GetAndStoreTokens(httpContext);

    public AntiforgeryTokenSet GetTokens(HttpContext httpContext) =>
        IsAnonymousPublicRead(httpContext) ? NoTokens : inner.GetTokens(httpContext);

    public Task<bool> IsRequestValidAsync(HttpContext httpContext) => inner.IsRequestValidAsync(httpContext);

    public Task ValidateRequestAsync(HttpContext httpContext) => inner.ValidateRequestAsync(httpContext);

    public void SetCookieTokenAndHeader(HttpContext httpContext) => inner.SetCookieTokenAndHeader(httpContext);

    private AntiforgeryTokenSet NoTokens => new(null, null, options.Value.FormFieldName, options.Value.HeaderName);
}
