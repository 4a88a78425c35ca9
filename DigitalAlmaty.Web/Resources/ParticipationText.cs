namespace DigitalAlmaty.Web.Resources;

/// <summary>Strings of supports, follows and the city's answers.</summary>
public sealed class ParticipationText;
