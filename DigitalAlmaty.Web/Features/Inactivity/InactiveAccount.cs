using DigitalAlmaty.Domain.Accounts;
using Microsoft.Extensions.Options;

namespace DigitalAlmaty.Web.Features.Inactivity;

/// <summary>One account on its way to annulment, as the administrators' list shows it.</summary>
public sealed record InactiveAccount(
    string UserId,
    string DisplayName,
    string? Email,
    DateTimeOffset LastActivity,
    bool NeverActive,
    DateTimeOffset? FirstWarnedAt,
    DateTimeOffset? FinalWarnedAt,
    DateOnly AnnulOn,
    InactivityStep NextStep);
