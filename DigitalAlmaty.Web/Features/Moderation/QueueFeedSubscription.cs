using DigitalAlmaty.Web.Realtime;

namespace DigitalAlmaty.Web.Features.Moderation;

/// <summary>
/// What an open queue screen follows: the feed's events (submissions entering and leaving, presence,
/// readers' reports, re-synchronisation after a Redis outage), the app-bar badge's count, which the
/// screen carries while it is open (<see cref="QueueCountRelay"/>), and a tick every 30 s for
/// presence marks that time out and rows that pass the service level. Disposing ends all of them.
/// </summary>
public sealed class QueueFeedSubscription(PortalEventFeed feed, QueueCountRelay countRelay, TimeProvider clock) : IAsyncDisposable
{
    public static readonly TimeSpan TickPeriod = TimeSpan.FromSeconds(30);

    private readonly List<IDisposable> _subscriptions = [];
    private object? _screen;
    private ITimer? _ticker;

    /// <summary>
    /// Subscribes <paramref name="screen"/>'s handlers. They are called on the thread pool: each one
    /// brings its work onto the circuit's dispatcher itself.
    /// </summary>
    public void Start(
        object screen,
        Func<SubmissionChanged, Task> submissionChanged,
        Func<ReviewPresenceChanged, Task> presenceChanged,
        Func<FlagsChanged, Task> flagsChanged,
        Func<FeedResynchronized, Task> resynchronized,
        Action tick)
    {
        _screen = screen;
        _subscriptions.Add(feed.Subscribe(submissionChanged));
        // After subscribing: a change in between reaches the badge itself rather than nobody.
        countRelay.Claim(screen);
        _subscriptions.Add(feed.Subscribe(presenceChanged));
        _subscriptions.Add(feed.Subscribe(flagsChanged));
        // After a Redis outage the changes other nodes made meanwhile were never relayed: the screen reads the queue again.
        _subscriptions.Add(feed.Subscribe(resynchronized));
        // Each screen starts its tick at its own point of the period: screens opened together (a shift
        // starting, a reconnect after a deploy) would otherwise all do it in the same instant, and a
        // change arriving then would wait behind them.
        _ticker = clock.CreateTimer(_ => tick(), null, TimeSpan.FromMilliseconds(Random.Shared.Next(1_000, 30_000)), TickPeriod);
    }

    public async ValueTask DisposeAsync()
    {
        if (_screen is not null)
        {
            countRelay.Release(_screen);
        }

        foreach (var subscription in _subscriptions)
        {
            subscription.Dispose();
        }

        _subscriptions.Clear();
        if (_ticker is not null)
        {
            await _ticker.DisposeAsync();
        }
    }
}
