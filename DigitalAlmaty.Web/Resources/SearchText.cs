namespace DigitalAlmaty.Web.Resources;

/// <summary>Strings of the search page and the header's search box.</summary>
public sealed class SearchText;
