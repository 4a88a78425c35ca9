namespace DigitalAlmaty.Web.Features.Participation;

/// <summary>What a reader asked of one comment in the thread.</summary>
public enum CommentActionKind
{
    Reply,
    Edit,
    Remove,
    Report,
    Restore,
}
