using DigitalAlmaty.Web.Features.Blocking;

namespace DigitalAlmaty.Web.Features.Participation;

/// <summary>
/// What a support or a withdrawal came to: the idea's count afterwards and whether the participant
/// supports it now, or why nothing changed (a <see cref="Domain.Participation.SupportRules"/> code,
/// <see cref="SignInRequired"/>, or the write gate's <see cref="Refusal"/>).
/// </summary>
public sealed record SupportOutcome(bool Succeeded, int Count, bool Supports, string? ErrorCode = null, WriteRefusal? Refusal = null)
{
    public const string SignInRequired = "Support.SignInRequired";
    public const string NotFound = "Support.NotFound";
    public const string Refused = "Support.Refused";
}
