namespace DigitalAlmaty.Web.Resources;

/// <summary>Strings of written claims (clauses 7.1, 7.2, 7.4): the public form, the register, the letters.</summary>
public sealed class ClaimText;
