namespace DigitalAlmaty.Domain.Participation;

/// <summary>Where a comment stands.</summary>
public enum CommentState
{
    /// <summary>Shown to everyone.</summary>
    Visible,

    /// <summary>Waiting for a moderator: its author had a comment hidden recently (pre-moderation).</summary>
    Pending,

    /// <summary>Hidden by a moderator, citing a clause; the thread says so.</summary>
    Hidden,

    /// <summary>Removed by its author; the thread says so.</summary>
    Removed,
}
