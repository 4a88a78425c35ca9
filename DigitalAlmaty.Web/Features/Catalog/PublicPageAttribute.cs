using System.Collections.Concurrent;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;

namespace DigitalAlmaty.Web.Features.Catalog;

/// <summary>
/// Marks a page or endpoint that anonymous readers may get from the output cache: it shows the same
/// thing to every anonymous reader of a language and carries no form.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class PublicPageAttribute : Attribute;

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

/// <summary>
/// An anonymous reader's public page has no interactive component, yet Blazor writes the persisted
/// component state (an encrypted comment) into every page of an app with an interactive render mode.
/// For those requests the page's endpoint is swapped for a copy whose render-modes metadata declares
/// none, so the page renders as plain static HTML. Signed-in users (whose header may hold an
/// interactive island) keep the original endpoint. The metadata type is internal to ASP.NET Core; it
/// is rebuilt by reflection once per endpoint, and if that ever fails the endpoint is kept as it is
/// (the page still works, it only carries the comment again: a test watches for that).
/// </summary>
internal static class StaticPublicPages
{
    private const string RenderModesMetadata = "Microsoft.AspNetCore.Components.Endpoints.ConfiguredRenderModesMetadata";

    private static readonly ConcurrentDictionary<Endpoint, Endpoint> StaticCopies = new();

    public static IApplicationBuilder UseStaticPublicPages(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            if (context.GetEndpoint() is RouteEndpoint endpoint
                && endpoint.Metadata.GetMetadata<PublicPageAttribute>() is not null
                && PublicPageAntiforgery.IsAnonymousPublicRead(context))
            {
                context.SetEndpoint(StaticCopies.GetOrAdd(endpoint, StaticCopy));
            }

            return next(context);
        });

    private static Endpoint StaticCopy(Endpoint original)
    {
        var endpoint = (RouteEndpoint)original;
        var metadata = endpoint.Metadata.ToArray();
        var index = Array.FindIndex(metadata, item => item.GetType().FullName == RenderModesMetadata);
        if (index < 0)
        {
            return original;
        }

        try
        {
            metadata[index] = Activator.CreateInstance(
                metadata[index].GetType(),
                System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.NonPublic,
                binder: null,
                [Array.Empty<IComponentRenderMode>()],
                culture: null)!;
        }
        catch (MissingMethodException)
        {
            return original;
        }

        return new RouteEndpoint(endpoint.RequestDelegate!, endpoint.RoutePattern, endpoint.Order, new EndpointMetadataCollection(metadata), endpoint.DisplayName);
    }
}
