using DigitalAlmaty.Domain.Accounts;

namespace DigitalAlmaty.Tests.Domain;

/// <summary>Clause 4.1.4 in Almaty calendar days: six months, month ends, leap years, warnings 30 and 7 days ahead.</summary>
public sealed class InactiveAccountRuleTests
{
    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    [Theory]
    [InlineData(2026, 8, 31, 2027, 3, 1)] // Aug 31 + 6 months = Feb 28 (no 31st, no leap day)
    [InlineData(2026, 8, 28, 2027, 3, 1)] // exactly Feb 28 + 1
    [InlineData(2026, 8, 27, 2027, 2, 28)]
    [InlineData(2027, 8, 31, 2028, 3, 1)] // leap year: Feb 29 + 1
    [InlineData(2027, 8, 29, 2028, 3, 1)]
    [InlineData(2027, 8, 28, 2028, 2, 29)] // leap day is a day like any other
    [InlineData(2028, 2, 29, 2028, 8, 30)]
    [InlineData(2026, 12, 31, 2027, 7, 1)] // over the year end, June has 30 days
    [InlineData(2026, 1, 15, 2026, 7, 16)]
    public void DueOn_IsTheDayAfterSixCalendarMonths(int y, int m, int d, int dueY, int dueM, int dueD) =>
        Assert.Equal(D(dueY, dueM, dueD), InactiveAccountRule.DueOn(D(y, m, d)));

    [Fact]
    public void Evaluate_WarnsAt30And7Days_ThenAnnulsOnTheDueDay()
    {
        var last = D(2027, 8, 31); // due 1 March 2028 (leap year)
        Assert.Equal(InactivityStep.None, InactiveAccountRule.Evaluate(last, null, null, D(2028, 1, 30)).Step);
        Assert.Equal(InactivityStep.FirstWarning, InactiveAccountRule.Evaluate(last, null, null, D(2028, 1, 31)).Step);

        var firstOn = D(2028, 1, 31);
        Assert.Equal(InactivityStep.None, InactiveAccountRule.Evaluate(last, firstOn, null, D(2028, 2, 22)).Step);
        var finalStep = InactiveAccountRule.Evaluate(last, firstOn, null, D(2028, 2, 23));
        Assert.Equal(InactivityStep.FinalWarning, finalStep.Step);
        Assert.Equal(D(2028, 3, 1), finalStep.AnnulOn);

        var finalOn = D(2028, 2, 23);
        var onLeapDay = InactiveAccountRule.Evaluate(last, firstOn, finalOn, D(2028, 2, 29));
        Assert.Equal(InactivityStep.None, onLeapDay.Step);
        Assert.Equal(D(2028, 3, 1), onLeapDay.AnnulOn);
        Assert.Equal(InactivityStep.Annul, InactiveAccountRule.Evaluate(last, firstOn, finalOn, D(2028, 3, 1)).Step);
    }

    [Fact]
    public void Evaluate_PastDueWithoutWarning_WarnsFirst_AndAnnulsSevenDaysLater()
    {
        var last = D(2024, 1, 10);
        var today = D(2026, 12, 1);
        var standing = InactiveAccountRule.Evaluate(last, null, null, today);
        Assert.Equal(InactivityStep.FinalWarning, standing.Step);
        Assert.Equal(D(2026, 12, 8), standing.AnnulOn);

        Assert.Equal(InactivityStep.None, InactiveAccountRule.Evaluate(last, null, today, D(2026, 12, 7)).Step);
        Assert.Equal(InactivityStep.Annul, InactiveAccountRule.Evaluate(last, null, today, D(2026, 12, 8)).Step);
    }

    [Fact]
    public void Evaluate_WarningsBeforeTheLastActivity_DoNotCount()
    {
        // Warned in an earlier idle period, then came back on 1 March 2027: the count starts again.
        var last = D(2027, 3, 1);
        var standing = InactiveAccountRule.Evaluate(last, D(2027, 1, 30), D(2027, 2, 22), D(2027, 3, 2));
        Assert.Equal(InactivityStep.None, standing.Step);
        Assert.Equal(D(2027, 9, 2), standing.AnnulOn);
        Assert.Equal(InactivityStep.FirstWarning, InactiveAccountRule.Evaluate(last, D(2027, 1, 30), D(2027, 2, 22), D(2027, 8, 3)).Step);
    }
}
