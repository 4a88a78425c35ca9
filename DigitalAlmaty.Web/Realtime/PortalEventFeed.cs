using System.Collections.Concurrent;
using System.Globalization;

namespace DigitalAlmaty.Web.Realtime;

/// <summary>
/// The portal's live events. Services publish after they commit; open circuits subscribe to the
/// kinds they care about and update only what changed. Delivery is in the background, so the
/// person whose action caused the event never waits for the fan-out to open screens.
/// </summary>
public sealed class PortalEventFeed(ILogger<PortalEventFeed> logger)
{
    private readonly ConcurrentDictionary<Guid, Func<PortalEvent, Task>> _subscribers = new();

    /// <summary>Set by the Redis relay when one is configured.</summary>
    public IPortalEventRelay? Relay { get; set; }

    public IDisposable Subscribe<TEvent>(Func<TEvent, Task> handler)
        where TEvent : PortalEvent
    {
        var id = Guid.NewGuid();
        // Delivery runs on the thread pool without the publisher's context: the handler gets the
        // language of whoever subscribed (a circuit in Kazakh re-renders in Kazakh), not the pool's.
        var culture = CultureInfo.CurrentCulture;
        var uiCulture = CultureInfo.CurrentUICulture;
        _subscribers[id] = e =>
        {
            if (e is not TEvent typed)
            {
                return Task.CompletedTask;
            }

            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = uiCulture;
            return handler(typed);
        };
        return new Subscription(() => _subscribers.TryRemove(id, out _));
    }

    public int SubscriberCount => _subscribers.Count;

    /// <summary>Hands the event to the relay for the other nodes and delivers it on this one; returns at once.</summary>
    public void Publish(PortalEvent portalEvent)
    {
        Relay?.Send(portalEvent);
        DeliverLocally(portalEvent);
    }

    /// <summary>
    /// Delivers to this node's subscribers only (the relay calls this for events from other nodes).
    /// The loop over the subscribers (thousands with many open screens) runs on the thread pool, not
    /// on the caller's thread: the request that caused the event does not wait for it.
    /// </summary>
    public void DeliverLocally(PortalEvent portalEvent) =>
        ThreadPool.UnsafeQueueUserWorkItem(static state => state.Feed.Fan(state.Event), (Feed: this, Event: portalEvent), preferLocal: false);

    private void Fan(PortalEvent portalEvent)
    {
        foreach (var handler in _subscribers.Values)
        {
            _ = DeliverAsync(handler, portalEvent);
        }
    }

    private async Task DeliverAsync(Func<PortalEvent, Task> handler, PortalEvent portalEvent)
    {
        try
        {
            await Task.Yield();
            await handler(portalEvent);
        }
        catch (Exception ex)
        {
            // The kind only: events carry display names and moderators' reasons, which are not for logs.
            logger.LogWarning(ex, "A subscriber failed to handle {Event}", portalEvent.GetType().Name);
        }
    }

    private sealed class Subscription(Action dispose) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                dispose();
            }
        }
    }
}
