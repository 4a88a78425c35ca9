namespace DigitalAlmaty.Web.Features.Submissions;

/// <summary>
/// Saves a little while after typing stops. <see cref="Changed"/> restarts the countdown;
/// <see cref="FlushAsync"/> saves at once (on leaving a field, before submitting).
/// The save runs through the component's dispatcher, never on the timer's thread.
/// </summary>
public sealed class Autosave(Func<Func<Task>, Task> dispatch, Func<Task> save, TimeSpan delay) : IDisposable
{
    private readonly Lock _gate = new();
    private Timer? _timer;
    private bool _pending;

    public bool HasPendingChanges => _pending;

    public void Changed()
    {
        lock (_gate)
        {
            _pending = true;
            _timer ??= new Timer(_ => _ = dispatch(FlushAsync));
            _timer.Change(delay, Timeout.InfiniteTimeSpan);
        }
    }

    public async Task FlushAsync()
    {
        lock (_gate)
        {
            if (!_pending)
            {
                return;
            }

            _pending = false;
            _timer?.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        }

        await save();
    }

    /// <summary>Marks the changes unsaved again after a failed save, so the next change or flush retries.</summary>
    public void SaveFailed()
    {
        lock (_gate)
        {
            _pending = true;
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _timer?.Dispose();
            _timer = null;
        }
    }
}
