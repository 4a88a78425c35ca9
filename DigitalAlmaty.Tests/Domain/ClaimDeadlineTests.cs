using DigitalAlmaty.Domain;
using DigitalAlmaty.Domain.Claims;
using DigitalAlmaty.Domain.Time;

namespace DigitalAlmaty.Tests.Domain;

/// <summary>Clauses 7.2 and 7.4 as calendar arithmetic in Almaty days.</summary>
public class ClaimDeadlineTests
{
    [Theory]
    [InlineData("2026-12-01", "2026-12-16")]
    [InlineData("2026-12-17", "2027-01-01")] // across the year end
    [InlineData("2026-12-20", "2027-01-04")]
    [InlineData("2026-12-31", "2027-01-15")]
    [InlineData("2027-01-31", "2027-02-15")] // across a month end
    [InlineData("2026-11-30", "2026-12-15")]
    [InlineData("2028-02-14", "2028-02-29")] // 2028 is a leap year
    [InlineData("2028-02-20", "2028-03-06")]
    [InlineData("2027-02-14", "2027-03-01")] // 2027 is not
    [InlineData("2027-02-20", "2027-03-07")]
    [InlineData("2100-02-20", "2100-03-07")] // divisible by 100, not by 400: not a leap year
    [InlineData("2000-02-20", "2000-03-06")] // divisible by 400: a leap year
    public void DueDate_IsFifteenCalendarDaysAfterTheFilingDay(string filed, string due)
    {
        Assert.Equal(DateOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture),
            ClaimDeadlines.DueDate(DateOnly.Parse(filed, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void FilingDay_IsTheAlmatyDay_NotTheUtcDay()
    {
        // 31 December 2026, 19:30 UTC is already 1 January 2027, 00:30 in Almaty (UTC+5).
        var filedAt = new DateTimeOffset(2026, 12, 31, 19, 30, 0, TimeSpan.Zero);

        Assert.Equal(new DateOnly(2027, 1, 1), ClaimDeadlines.FiledOn(filedAt));
        Assert.Equal(new DateOnly(2027, 1, 16), ClaimDeadlines.DueDate(filedAt));

        // 18:59 UTC is still 31 December in Almaty.
        Assert.Equal(new DateOnly(2027, 1, 15), ClaimDeadlines.DueDate(new DateTimeOffset(2026, 12, 31, 18, 59, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void DaysLeft_CountsDownToZeroOnTheDueDate_AndOverdueStartsTheDayAfter()
    {
        var due = new DateOnly(2027, 1, 4);

        Assert.Equal(15, ClaimDeadlines.DaysLeft(due, new DateOnly(2026, 12, 20)));
        Assert.Equal(1, ClaimDeadlines.DaysLeft(due, new DateOnly(2027, 1, 3)));
        Assert.Equal(0, ClaimDeadlines.DaysLeft(due, due));
        Assert.False(ClaimDeadlines.IsOverdue(due, due));
        Assert.Equal(-1, ClaimDeadlines.DaysLeft(due, new DateOnly(2027, 1, 5)));
        Assert.True(ClaimDeadlines.IsOverdue(due, new DateOnly(2027, 1, 5)));
    }

    [Theory]
    [InlineData("2027-01-01", "2027-01-11", false)] // exactly 10 days: in time
    [InlineData("2027-01-01", "2027-01-12", true)]
    [InlineData("2026-12-25", "2027-01-04", false)]
    [InlineData("2026-12-25", "2027-01-05", true)] // across the year end
    [InlineData("2028-02-20", "2028-03-01", false)] // 20 Feb + 10 = 1 Mar in a leap year
    [InlineData("2027-02-20", "2027-03-03", true)] // 20 Feb + 10 = 2 Mar otherwise
    [InlineData("2027-03-01", "2027-03-01", false)]
    public void TermsWindow_IsTenDaysFromTheGrounds(string grounds, string filed, bool late)
    {
        Assert.Equal(late, ClaimDeadlines.IsAfterTermsWindow(
            DateOnly.Parse(grounds, System.Globalization.CultureInfo.InvariantCulture),
            DateOnly.Parse(filed, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void Reminders_FiveDaysAndOneDayBefore_EachOnce()
    {
        var due = new DateOnly(2027, 1, 4);

        Assert.Null(ClaimDeadlines.ReminderDue(due, new DateOnly(2026, 12, 29), false, false));
        Assert.Equal(ClaimReminder.FiveDays, ClaimDeadlines.ReminderDue(due, new DateOnly(2026, 12, 30), false, false));
        Assert.Null(ClaimDeadlines.ReminderDue(due, new DateOnly(2026, 12, 30), true, false));
        Assert.Null(ClaimDeadlines.ReminderDue(due, new DateOnly(2027, 1, 2), true, false));
        Assert.Equal(ClaimReminder.OneDay, ClaimDeadlines.ReminderDue(due, new DateOnly(2027, 1, 3), true, false));
        Assert.Null(ClaimDeadlines.ReminderDue(due, new DateOnly(2027, 1, 3), true, true));
        // A server that was down for the five-day reminder sends only the one-day one.
        Assert.Equal(ClaimReminder.OneDay, ClaimDeadlines.ReminderDue(due, new DateOnly(2027, 1, 3), false, false));
    }

    [Fact]
    public void Number_IsTheYearAndASixDigitSequence()
    {
        Assert.Equal("2026-000123", ClaimDeadlines.Number(2026, 123));
        Assert.Equal("2027-000001", ClaimDeadlines.Number(2027, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => ClaimDeadlines.Number(2027, 0));
    }
}

/// <summary>A claim's rules and moves.</summary>
public class WrittenClaimTests
{
    private static readonly DateTimeOffset FiledAt = AlmatyTime.FromLocal(new DateTime(2026, 12, 20, 11, 0, 0));

    private static ClaimForm Form(ClaimTopic? topic = ClaimTopic.AgreementTerms, DateOnly? grounds = null, string email = "claimant@example.kz") =>
        new("Айгерим Садыкова", email, topic, "Блокировка без причины", "Прошу пересмотреть решение.", grounds ?? new DateOnly(2026, 12, 15));

    private static WrittenClaim File(ClaimForm form) => new(Guid.NewGuid(), "2026-000001", form, FiledAt, "ru-RU", null, null);

    [Fact]
    public void Filing_SetsTheDueDate_AndStartsNew()
    {
        var claim = File(Form());

        Assert.Equal(new DateOnly(2026, 12, 20), claim.FiledOn);
        Assert.Equal(new DateOnly(2027, 1, 4), claim.DueOn);
        Assert.Equal(ClaimStatus.New, claim.Status);
        Assert.False(claim.IsAfterTermsWindow);
    }

    [Fact]
    public void TermsClaim_FiledLate_IsFlagged_OtherTopicsNever()
    {
        Assert.True(File(Form(ClaimTopic.AgreementTerms, new DateOnly(2026, 12, 9))).IsAfterTermsWindow);
        Assert.False(File(Form(ClaimTopic.AgreementTerms, new DateOnly(2026, 12, 10))).IsAfterTermsWindow);
        Assert.False(File(Form(ClaimTopic.Block, new DateOnly(2026, 11, 1))).IsAfterTermsWindow);
    }

    [Fact]
    public void InvalidForm_Throws_WithEachBrokenField()
    {
        var ex = Assert.Throws<DomainRuleException>(() => File(new ClaimForm(" ", "not-an-address", null, "", "", null)));

        Assert.Equal(ClaimErrorCodes.Invalid, ex.Code);
        Assert.Equal(["Email", "GroundsArose", "Name", "Subject", "Text", "Topic"], ex.FieldErrors.Select(e => e.Field).Order());
        Assert.Contains(ex.FieldErrors, e => e.Field == "Email" && e.Code == ClaimErrorCodes.BadEmail);
        var future = Assert.Throws<DomainRuleException>(() => File(Form(grounds: new DateOnly(2026, 12, 21))));
        Assert.Equal(ClaimErrorCodes.GroundsInFuture, Assert.Single(future.FieldErrors).Code);
    }

    [Fact]
    public void TakeAndAnswer_AreGuarded()
    {
        var claim = File(Form());
        claim.TakeInProgress("admin-1", FiledAt.AddHours(1));
        Assert.Equal(ClaimStatus.InProgress, claim.Status);
        Assert.Equal(ClaimErrorCodes.IllegalMove, Assert.Throws<DomainRuleException>(() => claim.TakeInProgress("admin-2", FiledAt.AddHours(2))).Code);

        var empty = Assert.Throws<DomainRuleException>(() => claim.SendAnswer("admin-1", "  ", FiledAt.AddHours(3)));
        Assert.Equal("Answer", Assert.Single(empty.FieldErrors).Field);

        claim.SendAnswer("admin-1", "Решение пересмотрено.", FiledAt.AddDays(2));
        Assert.Equal(ClaimStatus.Answered, claim.Status);
        Assert.False(claim.IsOverdue(claim.DueOn.AddDays(3)));
        Assert.Null(claim.ReminderDue(claim.DueOn.AddDays(-1)));
        Assert.Equal(ClaimErrorCodes.IllegalMove, Assert.Throws<DomainRuleException>(() => claim.SendAnswer("admin-1", "Ещё раз", FiledAt.AddDays(3))).Code);
    }

    [Fact]
    public void AReminderIsRecordedOnce()
    {
        var claim = File(Form());
        claim.MarkReminderSent(ClaimReminder.FiveDays, FiledAt.AddDays(10));
        Assert.Throws<DomainRuleException>(() => claim.MarkReminderSent(ClaimReminder.FiveDays, FiledAt.AddDays(10)));
        claim.MarkReminderSent(ClaimReminder.OneDay, FiledAt.AddDays(14));
        Assert.Null(claim.ReminderDue(claim.DueOn));
    }
}
