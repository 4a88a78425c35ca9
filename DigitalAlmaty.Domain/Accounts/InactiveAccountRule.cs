namespace DigitalAlmaty.Domain.Accounts;

/// <summary>
/// Clause 4.1.4: an account not used for more than six consecutive calendar months is annulled.
/// Counted in Almaty calendar days: last used on 31 August means six months end on 28 (or 29)
/// February and the account is annulled from 1 March. The user is warned 30 and 7 days before; an
/// account that is already past due without the final warning is annulled 7 days after that
/// warning, so nobody loses an account without notice. A warning older than the last activity no
/// longer counts (the user came back, and the count started again).
/// </summary>
public static class InactiveAccountRule
{
    public const int InactiveMonths = 6;
    public const int FirstWarningDays = 30;
    public const int FinalWarningDays = 7;

    /// <summary>The first Almaty day on which an account last used on <paramref name="lastActiveOn"/> has been unused for more than six months.</summary>
    public static DateOnly DueOn(DateOnly lastActiveOn) => lastActiveOn.AddMonths(InactiveMonths).AddDays(1);

    /// <param name="lastActiveOn">The Almaty day of the last sign-in or signed-in request (the registration day when there is none).</param>
    /// <param name="firstWarnedOn">The Almaty day the first warning was sent, if after the last activity.</param>
    /// <param name="finalWarnedOn">The Almaty day the final warning was sent, if after the last activity.</param>
    /// <param name="today">Today in Almaty.</param>
    public static InactivityStanding Evaluate(DateOnly lastActiveOn, DateOnly? firstWarnedOn, DateOnly? finalWarnedOn, DateOnly today)
    {
        // A warning sent before the latest activity belongs to an earlier period of inactivity.
        if (firstWarnedOn < lastActiveOn)
        {
            firstWarnedOn = null;
        }

        if (finalWarnedOn < lastActiveOn)
        {
            finalWarnedOn = null;
        }

        var due = DueOn(lastActiveOn);
        if (finalWarnedOn is { } finalDay)
        {
            var annulOn = Later(due, finalDay.AddDays(FinalWarningDays));
            return new InactivityStanding(today >= annulOn ? InactivityStep.Annul : InactivityStep.None, annulOn, lastActiveOn);
        }

        if (today >= due.AddDays(-FinalWarningDays))
        {
            return new InactivityStanding(InactivityStep.FinalWarning, Later(due, today.AddDays(FinalWarningDays)), lastActiveOn);
        }

        if (firstWarnedOn is null && today >= due.AddDays(-FirstWarningDays))
        {
            return new InactivityStanding(InactivityStep.FirstWarning, due, lastActiveOn);
        }

        return new InactivityStanding(InactivityStep.None, due, lastActiveOn);
    }

    private static DateOnly Later(DateOnly a, DateOnly b) => a > b ? a : b;
}
