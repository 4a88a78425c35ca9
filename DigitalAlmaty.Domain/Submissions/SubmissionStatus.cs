namespace DigitalAlmaty.Domain.Submissions;

/// <summary>Where an Idea or an Event stands. Only <see cref="Published"/> is ever public.</summary>
public enum SubmissionStatus
{
    Draft,
    Submitted,
    InformationRequested,
    Published,
    Rejected,
    Hidden,
}
