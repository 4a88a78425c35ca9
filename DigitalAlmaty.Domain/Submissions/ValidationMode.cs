namespace DigitalAlmaty.Domain.Submissions;

/// <summary>Drafts keep only the limits that protect storage; submitting applies every rule.</summary>
public enum ValidationMode
{
    Draft,
    Submit,
}
