using System.Globalization;
using Bunit;
using DigitalAlmaty.Web.Components.Shared;

namespace DigitalAlmaty.Tests.Components;

public sealed class LocalTimeTests : BunitContext
{
    private static readonly DateTimeOffset FiveUtc = new(2026, 12, 10, 5, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("ru-RU", "10 декабря 2026, 10:00")]
    [InlineData("kk-KZ", "10 желтоқсан 2026, 10:00")]
    [InlineData("en-US", "10 December 2026, 10:00")]
    public void ShowsAlmatyTime_InTheReadersLanguage(string culture, string expected)
    {
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);

        var time = Render<LocalTime>(p => p.Add(x => x.Value, FiveUtc)).Find("time");

        Assert.Equal(expected, time.TextContent);
        Assert.Equal("2026-12-10T05:00:00Z", time.GetAttribute("datetime"));
    }

    [Fact]
    public void AnInstantWithAnotherOffset_IsStillShownInAlmaty()
    {
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("ru-RU");
        var sameInstantInBerlin = FiveUtc.ToOffset(TimeSpan.FromHours(1));

        var time = Render<LocalTime>(p => p.Add(x => x.Value, sameInstantInBerlin).Add(x => x.DateOnly, true)).Find("time");

        Assert.Equal("10 декабря 2026", time.TextContent);
    }
}
