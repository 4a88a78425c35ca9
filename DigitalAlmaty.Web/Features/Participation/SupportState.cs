namespace DigitalAlmaty.Web.Features.Participation;

/// <summary>
/// An idea's support as one reader sees it: the count, whether they support it, and why they may
/// not (a <see cref="Domain.Participation.SupportRules"/> code), null when they may.
/// </summary>
public sealed record SupportState(int Count, bool Supports, string? Refusal);
