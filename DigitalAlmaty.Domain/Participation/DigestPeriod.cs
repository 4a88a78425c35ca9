using DigitalAlmaty.Domain.Time;

namespace DigitalAlmaty.Domain.Participation;

/// <summary>
/// One digest's window in Almaty time: a day (sent the next morning) or a week from Monday (sent the
/// next Monday morning). Windows follow each other without gaps or overlaps, so each change falls in
/// exactly one digest of each frequency. <see cref="Key"/> names it, so a run is claimed only once.
/// </summary>
public sealed record DigestPeriod(DigestFrequency Frequency, DateOnly FirstDay, DateOnly LastDay)
{
    /// <summary>Digests go out from this Almaty hour on.</summary>
    public const int SendHour = 8;

    public DateTimeOffset Start => AlmatyTime.FromLocal(FirstDay.ToDateTime(TimeOnly.MinValue));

    public DateTimeOffset End => AlmatyTime.FromLocal(LastDay.AddDays(1).ToDateTime(TimeOnly.MinValue));

    public string Key => $"{Frequency}:{FirstDay:yyyy-MM-dd}";

    /// <summary>The latest period of <paramref name="frequency"/> that is complete and due at <paramref name="now"/>; null for <see cref="DigestFrequency.Off"/>.</summary>
    public static DigestPeriod? LatestDue(DigestFrequency frequency, DateTimeOffset now)
    {
        var local = AlmatyTime.ToLocal(now);
        // Before the sending hour, today's digest is not due yet: the one before it is the latest.
        var today = DateOnly.FromDateTime(local).AddDays(local.Hour < SendHour ? -1 : 0);
        return frequency switch
        {
            DigestFrequency.Daily => new DigestPeriod(frequency, today.AddDays(-1), today.AddDays(-1)),
            DigestFrequency.Weekly => Week(today),
            _ => null,
        };
    }

    private static DigestPeriod Week(DateOnly today)
    {
        var sinceMonday = ((int)today.DayOfWeek + 6) % 7;
        var thisMonday = today.AddDays(-sinceMonday);
        return new DigestPeriod(DigestFrequency.Weekly, thisMonday.AddDays(-7), thisMonday.AddDays(-1));
    }
}
