namespace DigitalAlmaty.Web.Resources;

/// <summary>Strings of the operator's page (<c>/admin/system</c>).</summary>
public sealed class OperationsText;
