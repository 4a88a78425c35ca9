namespace DigitalAlmaty.Web.Data;

/// <summary>
/// One digest period sent (or being sent). The key (<c>Daily:2026-12-07</c>) is the primary key: the
/// node that inserts it first sends that period; every other node finds it taken and does nothing.
/// </summary>
public sealed class DigestRun
{
    public string Key { get; set; } = string.Empty;

    public DateTimeOffset ClaimedAt { get; set; }

    public string Node { get; set; } = string.Empty;

    public DateTimeOffset? CompletedAt { get; set; }

    public int Letters { get; set; }
}
