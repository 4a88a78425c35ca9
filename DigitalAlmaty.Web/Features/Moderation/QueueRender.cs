namespace DigitalAlmaty.Web.Features.Moderation;

/// <summary>How much of a queue screen a change needs rendered again.</summary>
public enum QueueRender
{
    /// <summary>Nothing the screen shows changed.</summary>
    Nothing,

    /// <summary>Only the waiting rows or their count: <see cref="QueueList"/> renders alone.</summary>
    List,

    /// <summary>The reported items changed too: the whole page renders.</summary>
    Page,
}
