using DigitalAlmaty.Tests.Support;
using DigitalAlmaty.Web.Features.Catalog;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace DigitalAlmaty.Tests.Web;

/// <summary>
/// The static twins of the public pages (StaticPublicPages, ADR 0005): every public page has one,
/// it carries the page's metadata (output cache policy, HEAD, antiforgery, static assets) with only
/// the render modes left out, and none of them is on the route table, where it would make every
/// public address ambiguous. That the twin renders without the state comment is PublicPageCacheTests'.
/// </summary>
public sealed class StaticPublicPagesTests(StaticPublicPagesTests.Fixture fixture) : IClassFixture<StaticPublicPagesTests.Fixture>
{
    public sealed class Fixture : PortalFactory;

    private IReadOnlyList<Endpoint> RouteTable => fixture.Services.GetRequiredService<EndpointDataSource>().Endpoints;

    [Fact]
    public void EveryPublicPage_HasAStaticTwin_WithThePagesMetadata_ButNoRenderMode()
    {
        var twins = fixture.Services.GetRequiredService<StaticPageTwins>();
        var pages = RouteTable.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<PublicPageAttribute>() is not null && e.Metadata.GetMetadata<ComponentTypeMetadata>() is not null)
            .ToList();
        Assert.Contains(pages, p => p.RoutePattern.RawText == "/ideas");
        Assert.Contains(pages, p => p.RoutePattern.RawText == "/");

        foreach (var page in pages)
        {
            var twin = twins.For(page);
            Assert.True(twin is not null, $"{page.DisplayName} has no static twin");
            Assert.Equal(page.RoutePattern.RawText, twin.RoutePattern.RawText);
            Assert.Equal(page.Metadata.GetMetadata<ComponentTypeMetadata>()!.Type, twin.Metadata.GetMetadata<ComponentTypeMetadata>()!.Type);
            Assert.Equal(Kinds(page.Metadata).Append("StaticRender").Order(StringComparer.Ordinal), Kinds(twin.Metadata).Order(StringComparer.Ordinal));
            Assert.Same(page.Metadata.GetMetadata<Microsoft.AspNetCore.Components.ResourceAssetCollection>(), twin.Metadata.GetMetadata<Microsoft.AspNetCore.Components.ResourceAssetCollection>());
            Assert.True(StaticPublicPages.IsStaticRender(Requesting(twin)));
            Assert.False(StaticPublicPages.IsStaticRender(Requesting(page)));
        }
    }

    [Fact]
    public void NoTwin_IsOnTheRouteTable()
    {
        Assert.Contains(RouteTable, e => e.Metadata.GetMetadata<ComponentTypeMetadata>() is not null);
        Assert.DoesNotContain(RouteTable, e => e.Metadata.GetMetadata<StaticPublicPages.StaticRender>() is not null);
    }

    [Fact]
    public void AnEndpointThatIsNoPage_HasNoTwin()
    {
        var twins = fixture.Services.GetRequiredService<StaticPageTwins>();
        var feed = RouteTable.OfType<RouteEndpoint>().Single(e => e.RoutePattern.RawText == "/feeds/ideas.atom");

        Assert.Null(twins.For(feed));
    }

    private static DefaultHttpContext Requesting(Endpoint endpoint)
    {
        var context = new DefaultHttpContext();
        context.SetEndpoint(endpoint);
        return context;
    }

    /// <summary>Metadata items by kind (each counted), the render modes left out: the twin has none by design.</summary>
    private static IEnumerable<string> Kinds(EndpointMetadataCollection metadata) =>
        metadata.Select(item => item.GetType().Name).Where(name => name != "ConfiguredRenderModesMetadata");
}
