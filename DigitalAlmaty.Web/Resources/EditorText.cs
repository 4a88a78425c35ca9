namespace DigitalAlmaty.Web.Resources;

/// <summary>Strings of the Ideas and Events editors.</summary>
public sealed class EditorText;
