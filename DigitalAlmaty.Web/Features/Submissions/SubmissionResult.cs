using DigitalAlmaty.Domain.Submissions;

namespace DigitalAlmaty.Web.Features.Submissions;

/// <summary>
/// The outcome of an author's or moderator's action. <see cref="ErrorCode"/> is a SubmissionText
/// key (a DomainErrorCodes value or "Submission.Conflict"); <see cref="FieldErrors"/> name fields.
/// </summary>
public sealed record SubmissionResult(bool Succeeded, int Revision, string? ErrorCode, IReadOnlyList<FieldError> FieldErrors)
{
    public const string Conflict = "Submission.Conflict";
    public const string NotFound = "Submission.NotFound";

    public static SubmissionResult Ok(int revision) => new(true, revision, null, []);

    public static SubmissionResult Fail(string code, IReadOnlyList<FieldError>? fieldErrors = null) =>
        new(false, 0, code, fieldErrors ?? []);
}
