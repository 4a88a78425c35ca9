namespace DigitalAlmaty.Domain.Participation;

/// <summary>
/// Where the city stands on a published idea, as the Digitalization Department answers it. The way
/// forward is under consideration → accepted → in progress → implemented; an idea may be declined
/// (with a reason) at any step before it is implemented, and a declined idea may be taken up again.
/// </summary>
public enum CityStatus
{
    UnderConsideration,
    Accepted,
    InProgress,
    Implemented,
    Declined,
}
