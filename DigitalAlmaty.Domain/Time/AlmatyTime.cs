namespace DigitalAlmaty.Domain.Time;

/// <summary>
/// The portal stores instants in UTC and shows them in Almaty's civil time, whatever the reader's
/// or the server's zone. Uses the IANA zone, so the March 2024 move from UTC+6 to UTC+5 is
/// respected for older dates too.
/// </summary>
public static class AlmatyTime
{
    public const string ZoneId = "Asia/Almaty";

    public static TimeZoneInfo Zone { get; } = TimeZoneInfo.FindSystemTimeZoneById(ZoneId);

    public static DateTime ToLocal(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, Zone).DateTime;

    /// <summary>Interprets a wall-clock time typed by a user as Almaty time.</summary>
    public static DateTimeOffset FromLocal(DateTime wallClock)
    {
        var unspecified = DateTime.SpecifyKind(wallClock, DateTimeKind.Unspecified);
        var offset = Zone.GetUtcOffset(unspecified);
        return new DateTimeOffset(unspecified, offset).ToUniversalTime();
    }

    public static DateOnly Today(DateTimeOffset now) => DateOnly.FromDateTime(ToLocal(now));
}
