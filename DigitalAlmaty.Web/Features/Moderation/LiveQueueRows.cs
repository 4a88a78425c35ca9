using DigitalAlmaty.Domain.Submissions;
using DigitalAlmaty.Web.Realtime;

namespace DigitalAlmaty.Web.Features.Moderation;

/// <summary>
/// The rows of one open queue screen and how the feed changes them: the waiting items (oldest first,
/// in <see cref="QueueListState"/>), the reported items, which rows just arrived, and where the next
/// page starts. A change inserts, replaces or drops one row, never reloads; every method says what
/// must be rendered again.
/// </summary>
public sealed class LiveQueueRows(QueueListState list, QueueRowViews views, HashSet<Guid> fresh)
{
    private readonly List<FlaggedRow> _flagged = [];
    private long _totalSequence;

    /// <summary>Published items with open reports, the longest-reported first.</summary>
    public IReadOnlyList<FlaggedRow> Flagged => _flagged;

    /// <summary>Where the next page of waiting items starts; null when every one is shown.</summary>
    public QueueCursor? Next { get; private set; }

    /// <summary>What the moderator narrowed the queue to; rows the feed brings are tested against it.</summary>
    public QueueFilter Filter { get; set; } = QueueFilter.None;

    /// <summary>Shows a freshly read first page, the reported items and the count.</summary>
    public void Reset(QueuePage page, IEnumerable<FlaggedRow> flagged, int total)
    {
        _flagged.Clear();
        _flagged.AddRange(flagged);
        list.Rows.Clear();
        list.Rows.AddRange(page.Rows);
        views.Clear();
        fresh.Clear();
        Next = page.Next;
        list.Total = total;
        list.Loaded = true;
    }

    /// <summary>Adds the next page below the rows shown (a row that arrived live meanwhile is not repeated).</summary>
    public void Append(QueuePage page)
    {
        var known = list.Rows.Select(r => r.Id).ToHashSet();
        list.Rows.AddRange(page.Rows.Where(r => !known.Contains(r.Id)));
        Next = page.Next;
    }

    /// <summary>An item entered or left the queue (<paramref name="read"/> is its row and the count, read once per node).</summary>
    public QueueRender Apply(SubmissionChanged change, QueueChange read)
    {
        var changed = false;
        var flaggedChanged = false;
        if (_flagged.Any(r => r.Id == change.Id) && change.Status != SubmissionStatus.Published)
        {
            _flagged.RemoveAll(r => r.Id == change.Id);
            fresh.Remove(change.Id);
            flaggedChanged = true;
        }

        var rows = list.Rows;
        var index = rows.FindIndex(r => r.Id == change.Id);
        if (change.Status == SubmissionStatus.Submitted)
        {
            var row = read.Row is { } candidate && Filter.Matches(candidate) ? candidate : null;
            if (index >= 0)
            {
                rows.RemoveAt(index);
                changed = true;
            }

            // A row that sorts after the last one shown belongs to a page not loaded yet.
            if (row is not null && (Next is null || rows.Count == 0 || !After(row, rows[^1])))
            {
                var at = rows.FindIndex(r => After(r, row));
                rows.Insert(at < 0 ? rows.Count : at, row);
                if (index < 0)
                {
                    fresh.Add(row.Id);
                }

                changed = true;
            }
            else
            {
                views.Forget(change.Id);
                fresh.Remove(change.Id);
            }
        }
        else if (index >= 0)
        {
            rows.RemoveAt(index);
            fresh.Remove(change.Id);
            views.Forget(change.Id);
            changed = true;
        }

        // Reads finish in any order: a screen never replaces a newer count with an older one.
        if (read.Sequence > _totalSequence)
        {
            _totalSequence = read.Sequence;
            changed |= read.Total != list.Total;
            list.Total = read.Total;
        }

        return flaggedChanged ? QueueRender.Page : changed ? QueueRender.List : QueueRender.Nothing;
    }

    /// <summary>Reports on one item changed: its row as read again, or null when none are open.</summary>
    public QueueRender ApplyFlagged(Guid id, FlaggedRow? row)
    {
        var index = _flagged.FindIndex(r => r.Id == id);
        if (row is null)
        {
            if (index < 0)
            {
                return QueueRender.Nothing;
            }

            _flagged.RemoveAt(index);
            fresh.Remove(id);
        }
        else if (index >= 0)
        {
            _flagged[index] = row;
        }
        else
        {
            var at = _flagged.FindIndex(r => r.FirstFlaggedAt > row.FirstFlaggedAt);
            _flagged.Insert(at < 0 ? _flagged.Count : at, row);
            fresh.Add(id);
        }

        return QueueRender.Page;
    }

    /// <summary>Who must render when the presence on <paramref name="id"/> changed.</summary>
    public QueueRender PresenceChanged(Guid id)
    {
        views.Invalidate(id);
        return _flagged.Any(r => r.Id == id) ? QueueRender.Page
            : list.Rows.Any(r => r.Id == id) ? QueueRender.List
            : QueueRender.Nothing;
    }

    public bool IsFlagged(Guid id) => _flagged.Any(r => r.Id == id);

    /// <summary>This screen decided on the item: its waiting row goes at once (the feed's change follows).</summary>
    public void Decided(Guid id)
    {
        var index = list.Rows.FindIndex(r => r.Id == id);
        if (index >= 0)
        {
            list.Rows.RemoveAt(index);
            views.Forget(id);
            fresh.Remove(id);
            list.Total = Math.Max(0, list.Total - 1);
        }
    }

    /// <summary>The item's reports were resolved (hidden or dismissed): its reported row goes.</summary>
    public void ReportsResolved(Guid id) => _flagged.RemoveAll(r => r.Id == id);

    private static bool After(QueueRow a, QueueRow b) =>
        a.SubmittedAt > b.SubmittedAt
        || (a.SubmittedAt == b.SubmittedAt && string.CompareOrdinal(a.Id.ToString("D").ToUpperInvariant(), b.Id.ToString("D").ToUpperInvariant()) > 0);
}
