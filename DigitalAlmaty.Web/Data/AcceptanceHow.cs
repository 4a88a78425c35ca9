namespace DigitalAlmaty.Web.Data;

public enum AcceptanceHow
{
    Explicit,
    ContinuedUse,
}
