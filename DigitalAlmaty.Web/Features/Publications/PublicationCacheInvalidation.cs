using DigitalAlmaty.Web.Features.Catalog;
using DigitalAlmaty.Web.Realtime;
using Microsoft.AspNetCore.OutputCaching;

namespace DigitalAlmaty.Web.Features.Publications;

/// <summary>Empties the public page cache whenever a publication changes (on every node, via the feed).</summary>
internal sealed class PublicationCacheInvalidation(PortalEventFeed feed, IOutputCacheStore store) : IHostedService
{
    private IDisposable? _subscription;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _subscription = feed.Subscribe<PublicationChanged>(_ => store.EvictByTagAsync(PublicPageCache.Tag, CancellationToken.None).AsTask());
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _subscription?.Dispose();
        return Task.CompletedTask;
    }
}
