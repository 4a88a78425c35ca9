using System.Collections.Concurrent;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Routing;

namespace DigitalAlmaty.Web.Features.Catalog;

/// <summary>
/// Finds a page endpoint's static twin (<see cref="StaticPublicPages"/>): the twin of the same
/// component and route, or, when the page has a direct writer (<see cref="DirectPublicPages"/>) and
/// <c>PublicPages:WriteDirectly</c> is on, the twin answered by that writer. Either carries the page's
/// metadata, render modes aside, so output caching and HEAD answers apply as before. Without a twin
/// (none mapped) the page stays as it is: it still works, only with the state comment again
/// (PublicPageCacheTests watches for that).
/// </summary>
internal sealed class StaticPageTwins(IConfiguration configuration)
{
    private readonly bool _writeDirectly = configuration.GetValue("PublicPages:WriteDirectly", true);
    private readonly ConcurrentDictionary<RouteEndpoint, RouteEndpoint?> _twins = new();
    private Lazy<Dictionary<(Type, string?), RouteEndpoint>>? _byPage;

    public void Use(EndpointDataSource twins) =>
        _byPage = new Lazy<Dictionary<(Type, string?), RouteEndpoint>>(() => twins.Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<ComponentTypeMetadata>() is not null)
            .ToDictionary(e => (e.Metadata.GetMetadata<ComponentTypeMetadata>()!.Type, e.RoutePattern.RawText)));

    public RouteEndpoint? For(RouteEndpoint page) =>
        _byPage is null ? null : _twins.GetOrAdd(page, static (original, self) => self.Find(original), this);

    private RouteEndpoint? Find(RouteEndpoint page)
    {
        var component = page.Metadata.GetMetadata<ComponentTypeMetadata>()?.Type;
        if (component is null || !_byPage!.Value.TryGetValue((component, page.RoutePattern.RawText), out var twin))
        {
            return null;
        }

        // The static assets' collection and import map are attached only where MapStaticAssets was
        // called (the real route table): the page's own are carried over, so @Assets resolves alike.
        var missing = page.Metadata.Where(item => !twin.Metadata.Any(own => own.GetType() == item.GetType()));
        var handler = _writeDirectly && DirectPublicPages.WriterFor(component) is { } writer ? writer : twin.RequestDelegate!;
        return new RouteEndpoint(handler, twin.RoutePattern, twin.Order, new EndpointMetadataCollection([.. twin.Metadata, .. missing]), twin.DisplayName);
    }
}
