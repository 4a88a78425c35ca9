using Microsoft.AspNetCore.Components;

namespace DigitalAlmaty.Web.Features.Moderation;

/// <summary>What <see cref="QueueList"/> shows; the queue page changes it and asks the list to render.</summary>
public sealed class QueueListState(Func<QueueRow, QueueRowView> viewFor, EventCallback<QueueSelectEventArgs> select)
{
    public List<QueueRow> Rows { get; } = [];

    public int Total { get; set; }

    public bool Loaded { get; set; }

    /// <summary>
    /// How the browser words a row's age as it grows (the list's data attributes): the server writes
    /// each age once and does not re-render fifty rows on every screen each minute to move it on.
    /// </summary>
    public AgeWording? Ages { get; set; }

    public Func<QueueRow, QueueRowView> ViewFor { get; } = viewFor;

    /// <summary>A row's title was pressed (handled by the page, which then renders with the item open).</summary>
    public EventCallback<QueueSelectEventArgs> Select { get; } = select;
}
