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

/// <summary>Every move of the lifecycle. Each is one method on <see cref="Submission"/>.</summary>
public enum SubmissionAction
{
    Create,
    Submit,
    Withdraw,
    Approve,
    Reject,
    RequestInformation,
    Hide,
    Restore,
}

public enum SubmissionKind
{
    Idea,
    Event,
}
