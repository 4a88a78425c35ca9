namespace DigitalAlmaty.Web.Resources;

/// <summary>Strings of the public read API (<c>/api/v1</c>), its reference page and its footer link.</summary>
public sealed class OpenDataText;
