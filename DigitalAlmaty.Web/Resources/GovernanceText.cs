namespace DigitalAlmaty.Web.Resources;

/// <summary>Strings of the user agreement's versions, acceptance, and blocking.</summary>
public sealed class GovernanceText;
