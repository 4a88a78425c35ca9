namespace DigitalAlmaty.Web.Features.Moderation;

public enum DiffKind
{
    Same,
    Deleted,
    Inserted,
}
