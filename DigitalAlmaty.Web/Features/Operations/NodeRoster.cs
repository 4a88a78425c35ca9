namespace DigitalAlmaty.Web.Features.Operations;

/// <summary>
/// The nodes this node has heard from lately: the latest beat of each. A node not heard for
/// <see cref="MissedBeats"/> of its own intervals is dropped (it stopped, crashed or lost Redis); a
/// node that says it is leaving is dropped at once. Silence is measured on this node's clock, so the
/// nodes' clocks need not agree. Open operator's pages follow <see cref="Changed"/>.
/// </summary>
public sealed class NodeRoster(TimeProvider clock)
{
    public const int MissedBeats = 3;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, NodeSighting> _nodes = new(StringComparer.Ordinal);

    /// <summary>Raised after a beat changed the roster, on the thread that delivered it.</summary>
    public event Action? Changed;

    /// <summary>Open pages following the roster (a page that is closed must not stay here).</summary>
    internal int Listeners => Changed?.GetInvocationList().Length ?? 0;

    public void Apply(NodeHeartbeat beat)
    {
        lock (_gate)
        {
            var now = clock.GetUtcNow();
            DropSilent(now);
            if (beat.Leaving)
            {
                _nodes.Remove(beat.Instance);
            }
            else
            {
                _nodes[beat.Instance] = new NodeSighting(beat, now);
            }
        }

        Changed?.Invoke();
    }

    /// <summary>The nodes alive now, by name, then by start.</summary>
    public IReadOnlyList<NodeSighting> Nodes()
    {
        lock (_gate)
        {
            DropSilent(clock.GetUtcNow());
            return [.. _nodes.Values.OrderBy(n => n.Beat.Node, StringComparer.Ordinal).ThenBy(n => n.Beat.StartedAt)];
        }
    }

    private void DropSilent(DateTimeOffset now)
    {
        foreach (var (instance, sighting) in _nodes.ToArray())
        {
            // A beat from a misconfigured node (no interval) still gets a window of a few seconds.
            var every = sighting.Beat.Every > TimeSpan.FromSeconds(1) ? sighting.Beat.Every : TimeSpan.FromSeconds(1);
            if (now - sighting.HeardAt > every * MissedBeats)
            {
                _nodes.Remove(instance);
            }
        }
    }
}
