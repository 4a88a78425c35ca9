namespace DigitalAlmaty.Domain.Submissions;

/// <summary>
/// A broken field rule. <see cref="Code"/> is a stable key the Web layer localizes, with
/// <see cref="Arguments"/> for its placeholders (for instance a maximum length).
/// </summary>
public sealed record FieldError(string Field, string Code, params object[] Arguments)
{
    public override string ToString() => $"{Field}: {Code}";
}
