using DigitalAlmaty.Domain.Participation;
using DigitalAlmaty.Domain.Time;

namespace DigitalAlmaty.Tests.Domain;

/// <summary>Digest windows in Almaty time: yesterday after 08:00, last Monday-to-Sunday week on Mondays after 08:00, without gaps.</summary>
public sealed class DigestPeriodTests
{
    private static DateTimeOffset Almaty(int year, int month, int day, int hour) => AlmatyTime.FromLocal(new DateTime(year, month, day, hour, 0, 0));

    [Fact]
    public void TheDailyDigest_CoversYesterday_FromEightInTheMorning()
    {
        var due = DigestPeriod.LatestDue(DigestFrequency.Daily, Almaty(2026, 12, 8, 9))!;
        Assert.Equal((new DateOnly(2026, 12, 7), new DateOnly(2026, 12, 7)), (due.FirstDay, due.LastDay));
        Assert.Equal(Almaty(2026, 12, 7, 0), due.Start);
        Assert.Equal(Almaty(2026, 12, 8, 0), due.End);
        Assert.Equal("Daily:2026-12-07", due.Key);

        // Before eight, the day before yesterday is still the latest due.
        Assert.Equal(new DateOnly(2026, 12, 6), DigestPeriod.LatestDue(DigestFrequency.Daily, Almaty(2026, 12, 8, 7))!.FirstDay);
    }

    [Fact]
    public void TheWeeklyDigest_CoversLastWeek_MondayToSunday()
    {
        // 8 December 2026 is a Tuesday.
        var due = DigestPeriod.LatestDue(DigestFrequency.Weekly, Almaty(2026, 12, 8, 9))!;
        Assert.Equal((new DateOnly(2026, 11, 30), new DateOnly(2026, 12, 6)), (due.FirstDay, due.LastDay));
        Assert.Equal(due.Key, DigestPeriod.LatestDue(DigestFrequency.Weekly, Almaty(2026, 12, 14, 7))!.Key);
        Assert.Equal(new DateOnly(2026, 12, 7), DigestPeriod.LatestDue(DigestFrequency.Weekly, Almaty(2026, 12, 14, 8))!.FirstDay);
    }

    [Fact]
    public void ConsecutiveDays_LeaveNoGap() =>
        Assert.Equal(
            DigestPeriod.LatestDue(DigestFrequency.Daily, Almaty(2026, 12, 8, 9))!.End,
            DigestPeriod.LatestDue(DigestFrequency.Daily, Almaty(2026, 12, 9, 9))!.Start);

    [Fact]
    public void Off_HasNoPeriod() => Assert.Null(DigestPeriod.LatestDue(DigestFrequency.Off, Almaty(2026, 12, 8, 9)));
}
