using DigitalAlmaty.Web.Realtime;

namespace DigitalAlmaty.Web.Features.Moderation;

/// <summary>
/// Who else is reviewing which item, as one moderator's queue shows it ("👁 Name"): read from
/// <see cref="ReviewPresence"/> when the screen opens and on every tick (marks time out), and kept
/// up to date by <see cref="ReviewPresenceChanged"/> in between. The moderator's own marks are left out.
/// </summary>
public sealed class QueuePresenceMarks(ReviewPresence presence)
{
    private readonly Dictionary<Guid, Dictionary<string, string>> _reviewers = [];

    /// <summary>The moderator whose screen this is.</summary>
    public string? Me { get; set; }

    /// <summary>Reads the presence marks again; true when what the rows show changed.</summary>
    public bool Sync()
    {
        var marks = presence.Snapshot().ToDictionary(
            p => p.Key,
            p => p.Value.Where(m => m.ModeratorId != Me).ToDictionary(m => m.ModeratorId, m => m.Name, StringComparer.Ordinal));
        var changed = marks.Count != _reviewers.Count
            || marks.Any(p => !_reviewers.TryGetValue(p.Key, out var shown) || shown.Count != p.Value.Count
                || p.Value.Any(mark => !shown.TryGetValue(mark.Key, out var name) || name != mark.Value));
        _reviewers.Clear();
        foreach (var (id, names) in marks)
        {
            _reviewers[id] = names;
        }

        return changed;
    }

    /// <summary>Applies another moderator's arrival or departure; false for the moderator's own (nothing to show).</summary>
    public bool Apply(ReviewPresenceChanged change)
    {
        if (change.ModeratorId == Me)
        {
            return false;
        }

        var reviewers = _reviewers.TryGetValue(change.SubmissionId, out var known) ? known : _reviewers[change.SubmissionId] = new(StringComparer.Ordinal);
        if (change.ModeratorName is null)
        {
            reviewers.Remove(change.ModeratorId);
        }
        else
        {
            reviewers[change.ModeratorId] = change.ModeratorName;
        }

        return true;
    }

    /// <summary>The names of the others reviewing the item, or null when nobody else is.</summary>
    public string? NamesFor(Guid id) =>
        _reviewers.TryGetValue(id, out var names) && names.Count > 0 ? string.Join(", ", names.Values) : null;
}
