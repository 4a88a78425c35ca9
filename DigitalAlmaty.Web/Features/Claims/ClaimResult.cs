using DigitalAlmaty.Domain.Claims;
using DigitalAlmaty.Domain.Submissions;

namespace DigitalAlmaty.Web.Features.Claims;

/// <summary>The outcome of a claim operation. <see cref="FieldErrors"/> are the Domain's codes per field.</summary>
public sealed record ClaimResult(string? ErrorCode, IReadOnlyList<FieldError> FieldErrors, WrittenClaim? Claim, bool MailFailed = false)
{
    public const string NotAllowed = "Claim.NotAllowed";
    public const string NotFound = "Claim.NotFound";
    public const string Conflict = "Claim.Conflict";

    public bool Succeeded => ErrorCode is null;

    public static ClaimResult Ok(WrittenClaim claim, bool mailFailed = false) => new(null, [], claim, mailFailed);

    public static ClaimResult Fail(string code, IReadOnlyList<FieldError>? errors = null) => new(code, errors ?? [], null);
}
