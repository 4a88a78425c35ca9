using DigitalAlmaty.Domain.Claims;
using DigitalAlmaty.Web.Data;

namespace DigitalAlmaty.Web.Features.Claims;

/// <summary>A claim with what the administrator's page shows around it.</summary>
public sealed record ClaimDetails(WrittenClaim Claim, StoredFile? Attachment, string? AssigneeName, string? AnsweredByName, DateOnly Today);
