namespace DigitalAlmaty.Domain;

/// <summary>
/// The one exception the Domain throws when a rule forbids an operation.
/// <see cref="Code"/> is a stable key the Web layer localizes; the message is for logs.
/// </summary>
public sealed class DomainRuleException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}
