namespace DigitalAlmaty.Web.Features.Security;

/// <summary>
/// Marks a page whose own script (served by the portal) writes style elements, such as the API
/// reference: its Content-Security-Policy allows inline style elements. Scripts stay 'self' only.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class InlineStylesAttribute : Attribute;
