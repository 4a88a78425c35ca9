using System.Text;

namespace DigitalAlmaty.Domain.Accounts;

/// <summary>
/// The only name other people ever see for a user (agreement clause 4.4.6: no e-mail exposure,
/// no way to look a person up). Normalised whitespace, 2–60 characters, letters required,
/// and nothing that looks like an e-mail address or a link.
/// </summary>
public sealed record DisplayName
{
    public const int MinLength = 2;
    public const int MaxLength = 60;

    public string Value { get; }

    private DisplayName(string value) => Value = value;

    public static DisplayName Create(string? raw)
    {
        var problem = Validate(raw, out var normalized);
        if (problem is not null)
        {
            throw new DomainRuleException(problem, $"Display name rejected: {problem}.");
        }

        return new DisplayName(normalized);
    }

    /// <summary>Returns null when the name is acceptable, otherwise a stable error code.</summary>
    public static string? Validate(string? raw, out string normalized)
    {
        normalized = Normalize(raw);
        if (normalized.Length == 0)
        {
            return DisplayNameErrors.Required;
        }

        if (normalized.Length < MinLength)
        {
            return DisplayNameErrors.TooShort;
        }

        if (normalized.Length > MaxLength)
        {
            return DisplayNameErrors.TooLong;
        }

        if (!normalized.Any(char.IsLetter))
        {
            return DisplayNameErrors.NeedsLetters;
        }

        if (normalized.Contains('@', StringComparison.Ordinal)
            || normalized.Contains("://", StringComparison.Ordinal)
            || normalized.Any(char.IsControl))
        {
            return DisplayNameErrors.ContactDetails;
        }

        return null;
    }

    private static string Normalize(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return string.Empty;
        }

        var builder = new StringBuilder(raw.Length);
        var pendingSpace = false;
        foreach (var ch in raw.Trim().Normalize(NormalizationForm.FormC))
        {
            if (char.IsWhiteSpace(ch))
            {
                pendingSpace = true;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(ch);
        }

        return builder.ToString();
    }

    public override string ToString() => Value;
}
