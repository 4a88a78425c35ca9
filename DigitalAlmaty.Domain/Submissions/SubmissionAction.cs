namespace DigitalAlmaty.Domain.Submissions;

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
