using DigitalAlmaty.Domain.Time;

namespace DigitalAlmaty.Tests.Domain;

public class AlmatyTimeTests
{
    [Fact]
    public void FromLocal_TenInTheMorning_IsFiveUtc_SinceMarch2024()
    {
        var utc = AlmatyTime.FromLocal(new DateTime(2026, 12, 10, 10, 0, 0));
        Assert.Equal(new DateTimeOffset(2026, 12, 10, 5, 0, 0, TimeSpan.Zero), utc);
        Assert.Equal(TimeSpan.Zero, utc.Offset);
    }

    [Fact]
    public void ToLocal_UsesTheOldOffsetForDatesBeforeTheChange()
    {
        // Almaty was on UTC+6 until 1 March 2024.
        Assert.Equal(new DateTime(2023, 6, 1, 18, 0, 0), AlmatyTime.ToLocal(new DateTimeOffset(2023, 6, 1, 12, 0, 0, TimeSpan.Zero)));
        Assert.Equal(new DateTime(2025, 6, 1, 17, 0, 0), AlmatyTime.ToLocal(new DateTimeOffset(2025, 6, 1, 12, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void ToLocal_IgnoresTheOffsetTheInstantCameWith()
    {
        var inNewYork = new DateTimeOffset(2026, 3, 1, 0, 30, 0, TimeSpan.FromHours(-5));
        Assert.Equal(new DateTime(2026, 3, 1, 10, 30, 0), AlmatyTime.ToLocal(inNewYork));
    }

    [Fact]
    public void Today_ChangesAtAlmatyMidnight_NotUtcMidnight()
    {
        Assert.Equal(new DateOnly(2026, 12, 31), AlmatyTime.Today(new DateTimeOffset(2026, 12, 31, 18, 59, 0, TimeSpan.Zero)));
        Assert.Equal(new DateOnly(2027, 1, 1), AlmatyTime.Today(new DateTimeOffset(2026, 12, 31, 19, 0, 0, TimeSpan.Zero)));
    }
}
