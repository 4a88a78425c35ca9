namespace DigitalAlmaty.Domain.Submissions;

/// <summary>
/// The fields as they were when the author submitted them, so that a moderator can see what
/// changed between two submissions.
/// </summary>
public sealed record SubmissionVersion(int Number, DateTimeOffset SubmittedAt, IReadOnlyDictionary<string, string> Fields);
