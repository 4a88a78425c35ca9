using DigitalAlmaty.Domain.Participation;
using DigitalAlmaty.Web.Features.Blocking;

namespace DigitalAlmaty.Web.Features.Participation;

/// <summary>
/// The outcome of a comment action: the comment and its state, or a ParticipationText error code
/// (a <see cref="CommentRules"/> code, <see cref="NotAllowed"/>, …) or the write gate's refusal.
/// </summary>
public sealed record CommentResult(bool Succeeded, string? ErrorCode, Guid? CommentId = null, CommentState? State = null, WriteRefusal? Refusal = null)
{
    public const string NotAllowed = "Comment.NotAllowed";
    public const string NotFound = "Comment.NotFound";
    public const string Refused = "Comment.Refused";
    public const string EmailNotConfirmed = "Comment.EmailNotConfirmed";
    public const string AlreadyReported = "Comment.AlreadyReported";
    public const string NothingOpen = "Comment.NothingOpen";

    public static CommentResult Ok(Guid id, CommentState state) => new(true, null, id, state);

    public static CommentResult Fail(string code, WriteRefusal? refusal = null) => new(false, code, Refusal: refusal);
}
