namespace DigitalAlmaty.Web.Features.Moderation;

/// <summary>
/// One per circuit. While a queue page is open in the circuit it carries the app-bar badge's count:
/// the page already reads the count on every change, and the badge then renders inside the page's
/// own render batch instead of sending a second batch of its own for the same change (half the
/// batches, sends and acknowledgements for every open queue). Without an open queue page the badge
/// follows the feed itself.
/// </summary>
public sealed class QueueCountRelay
{
    private Action<int>? _badge;
    private object? _page;

    /// <summary>True while a queue page shows the count in this circuit.</summary>
    public bool CarriedByPage => _page is not null;

    public void AttachBadge(Action<int> show) => _badge = show;

    public void DetachBadge(Action<int> show)
    {
        if (_badge == show)
        {
            _badge = null;
        }
    }

    public void Claim(object page) => _page = page;

    public void Release(object page)
    {
        if (ReferenceEquals(_page, page))
        {
            _page = null;
        }
    }

    /// <summary>
    /// Called by the queue list while it renders (on the circuit's dispatcher, inside the batch), so
    /// the badge's render joins that batch.
    /// </summary>
    public void Show(int total) => _badge?.Invoke(total);
}
