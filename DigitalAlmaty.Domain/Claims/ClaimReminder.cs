namespace DigitalAlmaty.Domain.Claims;

/// <summary>The two reminders an administrator gets before a claim's due date.</summary>
public enum ClaimReminder
{
    FiveDays,
    OneDay,
}
