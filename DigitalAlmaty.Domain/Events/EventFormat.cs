namespace DigitalAlmaty.Domain.Events;

public enum EventFormat
{
    InPerson,
    Online,
    Hybrid,
}
