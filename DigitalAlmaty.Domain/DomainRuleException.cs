using DigitalAlmaty.Domain.Submissions;

namespace DigitalAlmaty.Domain;

/// <summary>
/// The one exception the Domain throws when a rule forbids an operation.
/// <see cref="Code"/> is a stable key the Web layer localizes; the message is for logs.
/// When field rules failed, <see cref="FieldErrors"/> lists each of them.
/// </summary>
public sealed class DomainRuleException(string code, string message, IReadOnlyList<FieldError>? fieldErrors = null)
    : Exception(message)
{
    public string Code { get; } = code;

    public IReadOnlyList<FieldError> FieldErrors { get; } = fieldErrors ?? [];
}
