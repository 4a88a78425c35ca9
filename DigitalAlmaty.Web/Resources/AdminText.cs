namespace DigitalAlmaty.Web.Resources;

/// <summary>Strings of the administrators' pages (the audit log).</summary>
public sealed class AdminText;
