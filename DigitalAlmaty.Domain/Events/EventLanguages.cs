namespace DigitalAlmaty.Domain.Events;

[Flags]
public enum EventLanguages
{
    None = 0,
    Russian = 1,
    Kazakh = 2,
    English = 4,
}
