namespace DigitalAlmaty.Domain.Accounts;

/// <summary>Where one account stands: the next step and the Almaty day on which it will be annulled if nothing changes.</summary>
public readonly record struct InactivityStanding(InactivityStep Step, DateOnly AnnulOn, DateOnly LastActiveOn);
