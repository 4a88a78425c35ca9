using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Routing;

namespace DigitalAlmaty.Web.Features.Catalog;

/// <summary>
/// An anonymous reader's public page has no interactive component, yet Blazor writes the persisted
/// component state (an encrypted comment) into every page of an app with an interactive render mode.
/// For those requests the page's endpoint is swapped for its static twin: the same page mapped a
/// second time without render modes, on endpoints kept off the route table, so the page renders as
/// plain static HTML. Signed-in users (whose header may hold an interactive island) keep the original
/// endpoint. Only public API: see docs/decisions/0005-static-twins-of-public-pages.md.
/// </summary>
internal static class StaticPublicPages
{
    public static IApplicationBuilder UseStaticPublicPages(this IApplicationBuilder app)
    {
        var twins = app.ApplicationServices.GetRequiredService<StaticPageTwins>();
        return app.Use((context, next) =>
        {
            if (context.GetEndpoint() is RouteEndpoint endpoint
                && endpoint.Metadata.GetMetadata<PublicPageAttribute>() is not null
                && PublicPageAntiforgery.IsAnonymousPublicRead(context)
                && twins.For(endpoint) is { } twin)
            {
                context.SetEndpoint(twin);
            }

            return next(context);
        });
    }

    /// <summary>
    /// Maps the app's pages a second time, without interactive render modes and with the same
    /// <paramref name="conventions"/> as the real ones, into a route builder of their own that routing
    /// never sees: the endpoints <see cref="UseStaticPublicPages"/> swaps in.
    /// </summary>
    public static void MapStaticPublicPages<TRootComponent>(this IEndpointRouteBuilder endpoints, Action<RazorComponentsEndpointConventionBuilder> conventions)
    {
        var detached = new DetachedRouteBuilder(endpoints);
        var pages = detached.MapRazorComponents<TRootComponent>();
        conventions(pages);
        pages.Add(endpoint => endpoint.Metadata.Add(new StaticRender()));
        endpoints.ServiceProvider.GetRequiredService<StaticPageTwins>().Use(new CompositeEndpointDataSource(detached.DataSources));
    }

    /// <summary>
    /// Blazor maps pages for GET and POST only, so a HEAD request (link checkers, uptime monitors,
    /// some crawlers) got a 404. Public pages answer HEAD like GET; Kestrel sends no body for it, and
    /// the output cache keys entries by method, so a HEAD never fills a GET entry.
    /// </summary>
    public static TBuilder AnswerHeadOnPublicPages<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder
    {
        builder.Add(endpoint =>
        {
            if (endpoint.Metadata.OfType<PublicPageAttribute>().Any()
                && endpoint.Metadata.OfType<HttpMethodMetadata>().LastOrDefault() is { } methods
                && !methods.HttpMethods.Contains(HttpMethods.Head, StringComparer.OrdinalIgnoreCase))
            {
                endpoint.Metadata.Add(new HttpMethodMetadata([.. methods.HttpMethods, HttpMethods.Head]));
            }
        });
        return builder;
    }

    /// <summary>
    /// True while an anonymous reader's public page renders as plain static HTML: the shell then
    /// leaves out what only a circuit needs (the import map, blazor.web.js, the reconnect dialog and
    /// the circuit error bar), about 5 KB and one script download per page.
    /// </summary>
    public static bool IsStaticRender(HttpContext? context) =>
        context?.GetEndpoint()?.Metadata.GetMetadata<StaticRender>() is not null;

    /// <summary>Marks the static twins.</summary>
    internal sealed class StaticRender;

    /// <summary>Endpoints built like the app's, into data sources of their own that are never added to the app's route table.</summary>
    private sealed class DetachedRouteBuilder(IEndpointRouteBuilder app) : IEndpointRouteBuilder
    {
        public ICollection<EndpointDataSource> DataSources { get; } = [];

        public IServiceProvider ServiceProvider => app.ServiceProvider;

        public IApplicationBuilder CreateApplicationBuilder() => app.CreateApplicationBuilder();
    }
}
