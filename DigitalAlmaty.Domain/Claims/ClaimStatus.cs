namespace DigitalAlmaty.Domain.Claims;

/// <summary>New (filed, nobody has taken it), InProgress (an administrator works on it), Answered (the written answer was sent).</summary>
public enum ClaimStatus
{
    New,
    InProgress,
    Answered,
}
