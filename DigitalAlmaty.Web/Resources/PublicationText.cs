namespace DigitalAlmaty.Web.Resources;

/// <summary>Strings of staff publications (News, Reports, Projects): public pages and the editor.</summary>
public sealed class PublicationText;
