namespace DigitalAlmaty.Web.Features.Moderation;

/// <summary>Settings of the moderation queue (section <c>Moderation</c>).</summary>
public sealed class ModerationOptions
{
    public const string Section = "Moderation";

    /// <summary>How long an item may wait before the queue marks it as late.</summary>
    public double ServiceLevelHours { get; set; } = 48;
}
