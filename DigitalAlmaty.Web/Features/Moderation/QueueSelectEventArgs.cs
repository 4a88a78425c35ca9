namespace DigitalAlmaty.Web.Features.Moderation;

/// <summary>A click inside the queue list: the id of the row whose title button was pressed, if any.</summary>
public sealed class QueueSelectEventArgs : EventArgs
{
    public string? Id { get; set; }
}
