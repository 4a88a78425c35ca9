using DigitalAlmaty.Domain.Publications;
using DigitalAlmaty.Domain.Submissions;

namespace DigitalAlmaty.Web.Features.Publications;

/// <summary>
/// The outcome of a staff action. <see cref="ErrorCode"/> is a PublicationContent key (a
/// PublicationErrorCodes value or one of the constants below); <see cref="FieldErrors"/> name fields
/// such as "kk.Title".
/// </summary>
public sealed record PublicationResult(bool Succeeded, Guid? Id, int Revision, string? ErrorCode, IReadOnlyList<FieldError> FieldErrors)
{
    public const string Forbidden = "Publication.Forbidden";
    public const string NotFound = "Publication.NotFound";
    public const string Conflict = "Publication.Conflict";
    public const string BadCover = "Publication.BadCover";

    public static PublicationResult Ok(Publication publication) => new(true, publication.Id, publication.Revision, null, []);

    public static PublicationResult Fail(string code, IReadOnlyList<FieldError>? fieldErrors = null) => new(false, null, 0, code, fieldErrors ?? []);
}
