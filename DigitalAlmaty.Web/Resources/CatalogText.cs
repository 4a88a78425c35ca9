namespace DigitalAlmaty.Web.Resources;

/// <summary>Strings of the public lists, feeds and calendars.</summary>
public sealed class CatalogText;
