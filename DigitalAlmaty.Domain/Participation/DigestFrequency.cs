namespace DigitalAlmaty.Domain.Participation;

/// <summary>How often a participant gets the e-mail digest of what happened on the items they follow.</summary>
public enum DigestFrequency
{
    Weekly,
    Daily,
    Off,
}
