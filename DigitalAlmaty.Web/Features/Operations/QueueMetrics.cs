using System.Diagnostics.Metrics;
using DigitalAlmaty.Domain.Submissions;
using DigitalAlmaty.Web.Data;
using DigitalAlmaty.Web.Features.Moderation;
using DigitalAlmaty.Web.Realtime;
using DigitalAlmaty.Web.Telemetry;
using Microsoft.EntityFrameworkCore;

namespace DigitalAlmaty.Web.Features.Operations;

/// <summary>
/// The moderation queue as an operator sees it. Submit → arrival: on every submission event this node
/// hears (its own or relayed), the row that open queues show is read through
/// <see cref="ModerationQueue.ReadChangeAsync"/> (the same read the open screens share, so it costs
/// nothing extra while a queue is open) and its age since the submit is recorded. Waiting items and
/// the oldest wait are kept here and re-read at most every <see cref="MinimumRefresh"/> in the
/// background when a scrape finds them stale: a scrape never waits for, or causes, a query of its own.
/// </summary>
public sealed class QueueMetrics(
    PortalEventFeed feed,
    ModerationQueue queue,
    IDbContextFactory<PortalDbContext> databases,
    TimeProvider clock,
    PortalMetrics metrics,
    ILogger<QueueMetrics> logger) : IHostedService, IDisposable
{
    /// <summary>Never more often than this, however often Prometheus scrapes.</summary>
    public static readonly TimeSpan MinimumRefresh = TimeSpan.FromSeconds(5);

    /// <summary>Re-read after this even without events (a change on a node cut off from Redis).</summary>
    public static readonly TimeSpan MaximumAge = TimeSpan.FromSeconds(60);

    private readonly List<IDisposable> _subscriptions = [];
    private QueueWaiting? _snapshot;
    private long _lastRead;
    private int _stale = 1;
    private int _reading;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        metrics.ObserveQueue(ObserveWaiting, ObserveOldestWait);
        // The operator's page has something to show before the first scrape.
        RefreshIfStale();
        lock (_subscriptions)
        {
            _subscriptions.Add(feed.Subscribe<SubmissionChanged>(OnChangedAsync));
            _subscriptions.Add(feed.Subscribe<FeedResynchronized>(_ =>
            {
                Volatile.Write(ref _stale, 1);
                return Task.CompletedTask;
            }));
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        // The host's stop and the container's disposal can both get here, at the same time.
        IDisposable[] subscriptions;
        lock (_subscriptions)
        {
            subscriptions = [.. _subscriptions];
            _subscriptions.Clear();
        }

        foreach (var subscription in subscriptions)
        {
            subscription.Dispose();
        }
    }

    private async Task OnChangedAsync(SubmissionChanged change)
    {
        Volatile.Write(ref _stale, 1);
        if (change.Status != SubmissionStatus.Submitted)
        {
            return;
        }

        var read = await queue.ReadChangeAsync(change);
        if (read.Row is { } row)
        {
            metrics.QueueArrival(clock.GetUtcNow() - row.SubmittedAt);
        }
    }

    /// <summary>
    /// The last reading, null until the first one is done; like a scrape, asks for a fresh one in the
    /// background when this one is stale (the operator's page reads it on every heartbeat).
    /// </summary>
    public QueueWaiting? Current()
    {
        RefreshIfStale();
        return _snapshot;
    }

    private Measurement<long>? ObserveWaiting()
    {
        RefreshIfStale();
        return _snapshot is { } snapshot ? new Measurement<long>(snapshot.Waiting) : null;
    }

    private Measurement<double>? ObserveOldestWait()
    {
        RefreshIfStale();
        if (_snapshot is not { } snapshot)
        {
            return null;
        }

        var waited = snapshot.OldestSubmittedAt is { } at ? (clock.GetUtcNow() - at).TotalSeconds : 0;
        return new Measurement<double>(Math.Max(0, waited));
    }

    private void RefreshIfStale()
    {
        var lastRead = Interlocked.Read(ref _lastRead);
        var sinceRead = lastRead == 0 ? TimeSpan.MaxValue : clock.GetElapsedTime(lastRead);
        var due = Volatile.Read(ref _stale) == 1 || sinceRead >= MaximumAge;
        if (!due || sinceRead < MinimumRefresh || Interlocked.Exchange(ref _reading, 1) == 1)
        {
            return;
        }

        _ = Task.Run(ReadAsync, CancellationToken.None);
    }

    private async Task ReadAsync()
    {
        try
        {
            Volatile.Write(ref _stale, 0);
            await using var db = await databases.CreateDbContextAsync();
            var waiting = db.Submissions.Where(s => s.Status == SubmissionStatus.Submitted);
            var count = await waiting.CountAsync();
            var oldest = await waiting.OrderBy(s => s.SubmittedAt).Select(s => s.SubmittedAt).FirstOrDefaultAsync();
            _snapshot = new QueueWaiting(count, oldest);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // The database is down: the gauges keep their last values, /healthz/ready says why.
            Volatile.Write(ref _stale, 1);
            logger.LogDebug(ex, "Could not read the moderation queue for the metrics.");
        }
        finally
        {
            Interlocked.Exchange(ref _lastRead, clock.GetTimestamp());
            Volatile.Write(ref _reading, 0);
        }
    }
}
