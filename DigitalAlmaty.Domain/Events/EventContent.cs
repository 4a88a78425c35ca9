namespace DigitalAlmaty.Domain.Events;

/// <summary>What an organiser types into an event announcement (agreement clause 2.1.7).</summary>
public sealed record EventContent(
    string Title,
    string Description,
    DateTimeOffset? StartsAt,
    DateTimeOffset? EndsAt,
    EventFormat Format,
    string Venue,
    string OnlineLink,
    string Organiser,
    string RegistrationLink,
    EventLanguages Languages,
    bool IsFree)
{
    public static EventContent Empty { get; } = new(string.Empty, string.Empty, null, null, EventFormat.InPerson, string.Empty, string.Empty, string.Empty, string.Empty, EventLanguages.None, true);
}
