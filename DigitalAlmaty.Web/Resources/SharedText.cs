namespace DigitalAlmaty.Web.Resources;

/// <summary>Strings of the shell and public pages (ru neutral, kk, en).</summary>
public sealed class SharedText;
