namespace DigitalAlmaty.Domain.Flags;

/// <summary>How a reader's report on a published item ended.</summary>
public enum FlagResolution
{
    /// <summary>A moderator hid the item (the report was upheld).</summary>
    Hidden,

    /// <summary>A moderator looked and left the item published.</summary>
    Dismissed,
}
