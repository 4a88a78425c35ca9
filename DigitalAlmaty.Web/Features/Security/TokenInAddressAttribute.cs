namespace DigitalAlmaty.Web.Features.Security;

/// <summary>
/// Marks a page or endpoint whose address carries a secret (a reset code, a confirmation code, a
/// download token): its answer says <c>Referrer-Policy: no-referrer</c>, so the address is not
/// passed on to anything the page loads or links to (see <see cref="SecurityHeaders"/>).
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, Inherited = false)]
public sealed class TokenInAddressAttribute : Attribute;
