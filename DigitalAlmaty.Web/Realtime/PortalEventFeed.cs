using System.Collections.Concurrent;
using System.Text.Json.Serialization;
using DigitalAlmaty.Domain.Submissions;

namespace DigitalAlmaty.Web.Realtime;

/// <summary>A small fact published after a commit. Serializable, so a relay can carry it between nodes.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(SubmissionChanged), "submission")]
[JsonDerivedType(typeof(NotificationCreated), "notification")]
[JsonDerivedType(typeof(ReviewPresenceChanged), "presence")]
[JsonDerivedType(typeof(FeedResynchronized), "resync")]
[JsonDerivedType(typeof(UserBlocked), "blocked")]
[JsonDerivedType(typeof(PublicationChanged), "publication")]
[JsonDerivedType(typeof(AgreementPublished), "agreement")]
[JsonDerivedType(typeof(SessionsEnded), "sessions-ended")]
[JsonDerivedType(typeof(AccountAnnulled), "annulled")]
[JsonDerivedType(typeof(FlagsChanged), "flags")]
public abstract record PortalEvent;

/// <summary>Which submission changed and where it now stands.</summary>
public sealed record SubmissionChanged(Guid Id, SubmissionKind Kind, SubmissionStatus Status, string AuthorId) : PortalEvent;

/// <summary>Readers' reports on a published item changed: one was added, or a moderator hid the item or dismissed them.</summary>
public sealed record FlagsChanged(Guid SubmissionId) : PortalEvent;

/// <summary>An administrator blocked a user (4.1.3, 6.4): their open editors turn read-only at once.</summary>
public sealed record UserBlocked(string UserId, DateTimeOffset Until, string Clause, string Reason) : PortalEvent;

/// <summary>
/// Every session of the user ends now (a report of unauthorised access, an annulment): open circuits
/// drop the user at once and cookies issued before <paramref name="At"/> stop working on every node.
/// </summary>
public sealed record SessionsEnded(string UserId, DateTimeOffset At) : PortalEvent;

/// <summary>An unused account was annulled (4.1.4): its published items now show the neutral author name.</summary>
public sealed record AccountAnnulled(string UserId) : PortalEvent;

/// <summary>A staff publication was saved, published, scheduled, unpublished, or its scheduled time came.</summary>
public sealed record PublicationChanged(Guid Id, DigitalAlmaty.Domain.Publications.PublicationKind Kind, DigitalAlmaty.Domain.Publications.PublicationStatus Status) : PortalEvent;

/// <summary>An administrator published a new version of the user agreement (1.4–1.6).</summary>
public sealed record AgreementPublished(int Number, bool IsNotable) : PortalEvent;

/// <summary>A user has a new in-app notification (the bell).</summary>
public sealed record NotificationCreated(string UserId, Guid NotificationId) : PortalEvent;

/// <summary>A moderator opened or left an item; <paramref name="ModeratorName"/> is null when they left.</summary>
public sealed record ReviewPresenceChanged(Guid SubmissionId, string ModeratorId, string? ModeratorName) : PortalEvent;

/// <summary>
/// This node was cut off from the other instances (Redis was unreachable) and is connected again:
/// events from other nodes may have been missed. Subscribers that show live state must re-query it
/// from the database on this event instead of trusting their incremental updates.
/// </summary>
public sealed record FeedResynchronized : PortalEvent;

/// <summary>Carries events to the other server instances (Redis pub/sub); absent on a single node.</summary>
public interface IPortalEventRelay
{
    void Send(PortalEvent portalEvent);
}

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
        _subscribers[id] = e => e is TEvent typed ? handler(typed) : Task.CompletedTask;
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
