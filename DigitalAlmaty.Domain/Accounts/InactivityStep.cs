namespace DigitalAlmaty.Domain.Accounts;

/// <summary>What the daily inactivity check does with one account today.</summary>
public enum InactivityStep
{
    /// <summary>Nothing yet: the account was used recently enough, or the warning already sent is the latest due.</summary>
    None,

    /// <summary>Send the first warning (about 30 days ahead).</summary>
    FirstWarning,

    /// <summary>Send the final warning (about 7 days ahead).</summary>
    FinalWarning,

    /// <summary>Annul the account now.</summary>
    Annul,
}
