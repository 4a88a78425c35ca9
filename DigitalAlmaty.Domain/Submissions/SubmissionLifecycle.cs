namespace DigitalAlmaty.Domain.Submissions;

/// <summary>
/// The lifecycle shared by Ideas and Events (agreement clauses 2.1.6, 2.1.7, 4.1.2, 4.3.4), as one
/// table: a move that is not listed is illegal. Who may make a move is decided here too.
/// </summary>
public static class SubmissionLifecycle
{
    public enum Actor
    {
        Author,
        Moderator,
    }

    private static readonly Dictionary<(SubmissionStatus From, SubmissionAction Action), (SubmissionStatus To, Actor By)> Moves = new()
    {
        [(SubmissionStatus.Draft, SubmissionAction.Submit)] = (SubmissionStatus.Submitted, Actor.Author),
        [(SubmissionStatus.InformationRequested, SubmissionAction.Submit)] = (SubmissionStatus.Submitted, Actor.Author),
        [(SubmissionStatus.Submitted, SubmissionAction.Withdraw)] = (SubmissionStatus.Draft, Actor.Author),
        [(SubmissionStatus.Submitted, SubmissionAction.Approve)] = (SubmissionStatus.Published, Actor.Moderator),
        [(SubmissionStatus.Submitted, SubmissionAction.Reject)] = (SubmissionStatus.Rejected, Actor.Moderator),
        [(SubmissionStatus.Submitted, SubmissionAction.RequestInformation)] = (SubmissionStatus.InformationRequested, Actor.Moderator),
        [(SubmissionStatus.Published, SubmissionAction.Hide)] = (SubmissionStatus.Hidden, Actor.Moderator),
        [(SubmissionStatus.Hidden, SubmissionAction.Restore)] = (SubmissionStatus.Published, Actor.Moderator),
    };

    public static bool IsAllowed(SubmissionStatus from, SubmissionAction action) => Moves.ContainsKey((from, action));

    /// <summary>The status after the move, or null when the move is illegal from <paramref name="from"/>.</summary>
    public static SubmissionStatus? Target(SubmissionStatus from, SubmissionAction action) =>
        Moves.TryGetValue((from, action), out var move) ? move.To : null;

    public static Actor? PerformedBy(SubmissionAction action) =>
        Moves.Where(m => m.Key.Action == action).Select(m => (Actor?)m.Value.By).FirstOrDefault();

    /// <summary>The author may change the fields only while the item is a draft or waiting for their answer.</summary>
    public static bool AuthorMayEdit(SubmissionStatus status) =>
        status is SubmissionStatus.Draft or SubmissionStatus.InformationRequested;

    /// <summary>Items a moderator still has to decide on.</summary>
    public static bool IsAwaitingModeration(SubmissionStatus status) => status == SubmissionStatus.Submitted;
}
