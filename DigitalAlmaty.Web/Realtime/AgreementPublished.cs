namespace DigitalAlmaty.Web.Realtime;

/// <summary>An administrator published a new version of the user agreement (1.4–1.6).</summary>
public sealed record AgreementPublished(int Number, bool IsNotable) : PortalEvent;
