using System.Collections.Concurrent;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Routing;

namespace DigitalAlmaty.Web.Features.Catalog;

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

    public static IApplicationBuilder UseStaticPublicPages(this IApplicationBuilder app)
    {
        var writeDirectly = app.ApplicationServices.GetRequiredService<IConfiguration>().GetValue("PublicPages:WriteDirectly", true);
        return app.Use((context, next) =>
        {
            if (context.GetEndpoint() is RouteEndpoint endpoint
                && endpoint.Metadata.GetMetadata<PublicPageAttribute>() is not null
                && PublicPageAntiforgery.IsAnonymousPublicRead(context))
            {
                context.SetEndpoint(StaticCopies.GetOrAdd(endpoint, static (original, direct) => StaticCopy(original, direct), writeDirectly));
            }

            return next(context);
        });
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

    private sealed class StaticRender;

    /// <summary>
    /// The page without interactive render modes, or (<paramref name="writeDirectly"/>) answered by the
    /// page's direct writer when it has one (<see cref="DirectPublicPages"/>). Either keeps the page's
    /// metadata, so output caching and HEAD answers apply as before.
    /// </summary>
    private static Endpoint StaticCopy(Endpoint original, bool writeDirectly)
    {
        var endpoint = (RouteEndpoint)original;
        var metadata = endpoint.Metadata.ToArray();
        if (writeDirectly && DirectPublicPages.WriterFor(endpoint.Metadata.GetMetadata<ComponentTypeMetadata>()?.Type) is { } writer)
        {
            return new RouteEndpoint(writer, endpoint.RoutePattern, endpoint.Order, new EndpointMetadataCollection([.. metadata, new StaticRender()]), endpoint.DisplayName);
        }

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

        return new RouteEndpoint(endpoint.RequestDelegate!, endpoint.RoutePattern, endpoint.Order, new EndpointMetadataCollection([.. metadata, new StaticRender()]), endpoint.DisplayName);
    }
}
