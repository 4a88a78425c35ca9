using DigitalAlmaty.Domain.Claims;

namespace DigitalAlmaty.Web.Features.Claims;

/// <summary>One row of the administrators' register.</summary>
public sealed record ClaimRow(
    Guid Id, string Number, ClaimStatus Status, ClaimTopic Topic, string Subject, string ClaimantName,
    DateTimeOffset FiledAt, DateOnly DueOn, int DaysLeft, bool IsOverdue, bool IsAfterTermsWindow);
