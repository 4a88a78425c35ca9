namespace DigitalAlmaty.Web.Features.Agreement;

/// <summary>What an administrator fills in to publish a new version.</summary>
public sealed record AgreementDraft(string Markdown, DateOnly? EffectiveFrom, string ChangeSummary, bool IsNotable);
