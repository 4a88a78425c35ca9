using System.Collections.Concurrent;
using DigitalAlmaty.Domain.Submissions;

namespace DigitalAlmaty.Web.Realtime;

/// <summary>A small fact published after a commit: which submission changed and where it now stands.</summary>
public sealed record SubmissionChanged(Guid Id, SubmissionKind Kind, SubmissionStatus Status, string AuthorId);

/// <summary>
/// The portal's live events. Services publish after they commit; open circuits subscribe and update
/// only what changed. This implementation is in-process; a Redis relay (issue 4) forwards the same
/// events between server instances.
/// </summary>
public sealed class PortalEventFeed(ILogger<PortalEventFeed> logger)
{
    private readonly ConcurrentDictionary<Guid, Func<SubmissionChanged, Task>> _subscribers = new();

    public IDisposable Subscribe(Func<SubmissionChanged, Task> handler)
    {
        var id = Guid.NewGuid();
        _subscribers[id] = handler;
        return new Subscription(() => _subscribers.TryRemove(id, out _));
    }

    /// <summary>Delivers in the background, so the author's request never waits for the fan-out.</summary>
    public void Publish(SubmissionChanged change)
    {
        foreach (var handler in _subscribers.Values)
        {
            _ = DeliverAsync(handler, change);
        }
    }

    private async Task DeliverAsync(Func<SubmissionChanged, Task> handler, SubmissionChanged change)
    {
        try
        {
            await Task.Yield();
            await handler(change);
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "A subscriber failed to handle {Change}", change);
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
