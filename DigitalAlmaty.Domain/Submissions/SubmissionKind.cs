namespace DigitalAlmaty.Domain.Submissions;

public enum SubmissionKind
{
    Idea,
    Event,
}
