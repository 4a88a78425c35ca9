namespace DigitalAlmaty.Domain.Submissions;

/// <summary>One move in a submission's life: who, when, what, and what they said.</summary>
public sealed record SubmissionHistoryEntry(
    DateTimeOffset At,
    string ActorId,
    SubmissionAction Action,
    SubmissionStatus From,
    SubmissionStatus To,
    string? Message,
    IReadOnlyList<string> ClauseIds)
{
    public int Sequence { get; init; }
}
