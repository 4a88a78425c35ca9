using DigitalAlmaty.Domain.Submissions;

namespace DigitalAlmaty.Domain.Participation;

/// <summary>
/// Who may support an idea: a participant with a confirmed e-mail, on a published idea that is not
/// their own. One support per participant per idea; it can be withdrawn while the idea is published.
/// </summary>
public static class SupportRules
{
    public const string NotPublished = "Support.NotPublished";
    public const string OwnIdea = "Support.OwnIdea";
    public const string EmailNotConfirmed = "Support.EmailNotConfirmed";

    /// <summary>Why the participant may not support (or withdraw from) the idea now, or null when they may.</summary>
    public static string? Refusal(SubmissionStatus ideaStatus, bool isAuthor, bool emailConfirmed) =>
        ideaStatus != SubmissionStatus.Published ? NotPublished
        : isAuthor ? OwnIdea
        : !emailConfirmed ? EmailNotConfirmed
        : null;
}
