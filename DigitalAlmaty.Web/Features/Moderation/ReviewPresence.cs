using System.Collections.Concurrent;
using DigitalAlmaty.Web.Realtime;

namespace DigitalAlmaty.Web.Features.Moderation;

/// <summary>
/// Who is reviewing what, on this node: filled from <see cref="ReviewPresenceChanged"/> events (its
/// own and, through the relay, other nodes'). A mark not refreshed for <see cref="IdleTimeout"/> is
/// forgotten, so a closed laptop does not keep an item "being reviewed" for ever.
/// </summary>
public sealed class ReviewPresence : IHostedService, IDisposable
{
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromMinutes(5);

    /// <summary>How often an open review panel says it is still there.</summary>
    public static readonly TimeSpan HeartbeatInterval = TimeSpan.FromMinutes(2);

    private readonly ConcurrentDictionary<Guid, ConcurrentDictionary<string, ReviewerMark>> _marks = new();
    private readonly PortalEventFeed _feed;
    private readonly TimeProvider _clock;
    private readonly IDisposable _subscription;

    public ReviewPresence(PortalEventFeed feed, TimeProvider clock)
    {
        _feed = feed;
        _clock = clock;
        _subscription = feed.Subscribe<ReviewPresenceChanged>(change =>
        {
            Record(change);
            return Task.CompletedTask;
        });
    }

    /// <summary>Announces that <paramref name="moderatorId"/> opened (name given) or left (null) the item.</summary>
    public void Announce(Guid submissionId, string moderatorId, string? name)
    {
        var change = new ReviewPresenceChanged(submissionId, moderatorId, name);
        Record(change);
        _feed.Publish(change);
    }

    /// <summary>
    /// Announces that <paramref name="moderatorId"/> reviews the item, says so again every
    /// <see cref="HeartbeatInterval"/> while the review is open, and announces the departure when disposed.
    /// </summary>
    public IDisposable Hold(Guid submissionId, string moderatorId, string name)
    {
        Announce(submissionId, moderatorId, name);
        var heartbeat = _clock.CreateTimer(_ => Announce(submissionId, moderatorId, name), null, HeartbeatInterval, HeartbeatInterval);
        return new Holding(() =>
        {
            heartbeat.Dispose();
            Announce(submissionId, moderatorId, null);
        });
    }

    /// <summary>The current reviewers of every item, expired marks left out (and dropped).</summary>
    public IReadOnlyDictionary<Guid, IReadOnlyList<ReviewerMark>> Snapshot()
    {
        var now = _clock.GetUtcNow();
        var result = new Dictionary<Guid, IReadOnlyList<ReviewerMark>>();
        foreach (var (id, reviewers) in _marks)
        {
            foreach (var (moderator, mark) in reviewers)
            {
                if (now - mark.SeenAt > IdleTimeout)
                {
                    reviewers.TryRemove(moderator, out _);
                }
            }

            var live = reviewers.Values.OrderBy(m => m.SeenAt).ToList();
            if (live.Count > 0)
            {
                result[id] = live;
            }
        }

        return result;
    }

    public IReadOnlyList<ReviewerMark> For(Guid submissionId) =>
        Snapshot().TryGetValue(submissionId, out var marks) ? marks : [];

    private void Record(ReviewPresenceChanged change)
    {
        var reviewers = _marks.GetOrAdd(change.SubmissionId, _ => new ConcurrentDictionary<string, ReviewerMark>(StringComparer.Ordinal));
        if (change.ModeratorName is null)
        {
            reviewers.TryRemove(change.ModeratorId, out _);
        }
        else
        {
            reviewers[change.ModeratorId] = new ReviewerMark(change.ModeratorId, change.ModeratorName, _clock.GetUtcNow());
        }
    }

    Task IHostedService.StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    Task IHostedService.StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose() => _subscription.Dispose();

    private sealed class Holding(Action release) : IDisposable
    {
        private Action? _release = release;

        public void Dispose() => Interlocked.Exchange(ref _release, null)?.Invoke();
    }
}
