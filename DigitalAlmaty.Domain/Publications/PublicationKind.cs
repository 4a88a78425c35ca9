namespace DigitalAlmaty.Domain.Publications;

/// <summary>The three kinds of staff publication named in agreement clause 2.1.2.</summary>
public enum PublicationKind
{
    News,
    Report,
    Project,
}
