using DigitalAlmaty.Domain.Time;

namespace DigitalAlmaty.Domain.Claims;

/// <summary>
/// The calendar of a written claim, in Almaty calendar days (clauses 7.1, 7.2, 7.4). A due date is
/// a date: the answer is due by the end of that day in Almaty.
/// </summary>
public static class ClaimDeadlines
{
    /// <summary>Clause 7.2: the written answer is due within 15 calendar days of filing.</summary>
    public const int AnswerDays = 15;

    /// <summary>Clause 7.4: a claim about the terms is brought within 10 days of its grounds.</summary>
    public const int TermsClaimWindowDays = 10;

    public const int FirstReminderDaysLeft = 5;

    public const int LastReminderDaysLeft = 1;

    /// <summary>The Almaty calendar day on which a claim filed at <paramref name="filedAt"/> was filed.</summary>
    public static DateOnly FiledOn(DateTimeOffset filedAt) => AlmatyTime.Today(filedAt);

    /// <summary>Filing day + 15 calendar days; month and year ends and 29 February are ordinary days.</summary>
    public static DateOnly DueDate(DateOnly filedOn) => filedOn.AddDays(AnswerDays);

    public static DateOnly DueDate(DateTimeOffset filedAt) => DueDate(FiledOn(filedAt));

    /// <summary>Whole days from <paramref name="today"/> to the due date: 0 on the due date itself, negative once overdue.</summary>
    public static int DaysLeft(DateOnly dueOn, DateOnly today) => dueOn.DayNumber - today.DayNumber;

    /// <summary>Overdue from the day after the due date (the due date itself counts until its end).</summary>
    public static bool IsOverdue(DateOnly dueOn, DateOnly today) => today > dueOn;

    /// <summary>Clause 7.4: filed more than 10 days after the grounds arose (grounds + 10 days is before the filing day).</summary>
    public static bool IsAfterTermsWindow(DateOnly groundsArose, DateOnly filedOn) =>
        groundsArose.AddDays(TermsClaimWindowDays) < filedOn;

    /// <summary>
    /// The reminder to send today, if any. Each is sent once; when the five-day one was missed (the
    /// server was down) and one day or less is left, only the one-day reminder goes out.
    /// </summary>
    public static ClaimReminder? ReminderDue(DateOnly dueOn, DateOnly today, bool fiveDaysSent, bool oneDaySent)
    {
        var left = DaysLeft(dueOn, today);
        if (left <= LastReminderDaysLeft)
        {
            return oneDaySent ? null : ClaimReminder.OneDay;
        }

        return left <= FirstReminderDaysLeft && !fiveDaysSent ? ClaimReminder.FiveDays : null;
    }

    /// <summary>"2026-000123": the Almaty year of filing and that year's sequence number.</summary>
    public static string Number(int year, long sequence)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(sequence, 1);
        return FormattableString.Invariant($"{year:D4}-{sequence:D6}");
    }
}
