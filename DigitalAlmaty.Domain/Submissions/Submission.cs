namespace DigitalAlmaty.Domain.Submissions;

/// <summary>
/// What Ideas and Events share: an author, a status that changes only through the methods below
/// (each guarded by <see cref="SubmissionLifecycle"/>), the history of every move, and a copy of the
/// fields at each submission. Time and actor always come in as arguments.
/// </summary>
public abstract class Submission
{
    public const int TitleMaxLength = 150;

    private readonly List<SubmissionHistoryEntry> _history = [];
    private readonly List<SubmissionVersion> _versions = [];

    /// <summary>For the persistence layer only.</summary>
    protected Submission()
    {
        AuthorId = string.Empty;
        Title = string.Empty;
    }

    protected Submission(Guid id, string authorId, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(authorId))
        {
            throw new ArgumentException("A submission needs an author.", nameof(authorId));
        }

        Id = id;
        AuthorId = authorId;
        Title = string.Empty;
        Status = SubmissionStatus.Draft;
        CreatedAt = now;
        UpdatedAt = now;
        _history.Add(new SubmissionHistoryEntry(now, authorId, SubmissionAction.Create, SubmissionStatus.Draft, SubmissionStatus.Draft, null, []) { Sequence = 1 });
    }

    public Guid Id { get; private set; }

    public abstract SubmissionKind Kind { get; }

    public string AuthorId { get; private set; }

    public string Title { get; protected set; }

    public SubmissionStatus Status { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>When it last entered the moderation queue.</summary>
    public DateTimeOffset? SubmittedAt { get; private set; }

    /// <summary>When it was first published; stays through hide and restore.</summary>
    public DateTimeOffset? PublishedAt { get; private set; }

    /// <summary>Grows with every change; the database uses it to refuse a stale concurrent write.</summary>
    public int Revision { get; private set; }

    /// <summary>The latest message a moderator wrote to the author, shown in the author's workspace.</summary>
    public string? LatestModeratorMessage { get; private set; }

    public IReadOnlyList<SubmissionHistoryEntry> History => _history;

    public IReadOnlyList<SubmissionVersion> Versions => _versions;

    public bool IsPublic => Status == SubmissionStatus.Published;

    /// <summary>The fields' rules; in <see cref="ValidationMode.Submit"/> every rule applies.</summary>
    public abstract IReadOnlyList<FieldError> Validate(ValidationMode mode, DateTimeOffset now);

    /// <summary>The fields as text, for versions and for a moderator's diff.</summary>
    public abstract IReadOnlyDictionary<string, string> SnapshotFields();

    /// <summary>Sends the item to moderation: a draft, or an answer to a moderator's request (4.3.4).</summary>
    public void Submit(string actorId, DateTimeOffset now, string? answer = null)
    {
        EnsureAuthor(actorId);
        var errors = Validate(ValidationMode.Submit, now);
        if (errors.Count > 0)
        {
            throw new DomainRuleException(DomainErrorCodes.Invalid, $"Submission {Id} has {errors.Count} invalid field(s).", errors);
        }

        Move(SubmissionAction.Submit, actorId, now, Trimmed(answer), []);
        SubmittedAt = now;
        _versions.Add(new SubmissionVersion(_versions.Count + 1, now, SnapshotFields()));
    }

    /// <summary>The author takes a submitted item back to a draft.</summary>
    public void Withdraw(string actorId, DateTimeOffset now)
    {
        EnsureAuthor(actorId);
        Move(SubmissionAction.Withdraw, actorId, now, null, []);
    }

    public void Approve(string moderatorId, DateTimeOffset now, string? message = null)
    {
        Move(SubmissionAction.Approve, moderatorId, now, Trimmed(message), []);
        PublishedAt ??= now;
    }

    /// <summary>Rejects with at least one agreement clause (4.1.2) and an optional message.</summary>
    public void Reject(string moderatorId, DateTimeOffset now, IReadOnlyCollection<string> clauseIds, string? message)
    {
        var clauses = RequireClauses(clauseIds);
        Move(SubmissionAction.Reject, moderatorId, now, Trimmed(message), clauses);
    }

    /// <summary>Asks the author for more (4.3.4); the message is what the author has to answer.</summary>
    public void RequestInformation(string moderatorId, DateTimeOffset now, string message)
    {
        var text = Trimmed(message) ?? throw new DomainRuleException(DomainErrorCodes.MessageRequired, "A request for information needs a message.");
        Move(SubmissionAction.RequestInformation, moderatorId, now, text, []);
    }

    public void Hide(string moderatorId, DateTimeOffset now, IReadOnlyCollection<string> clauseIds, string? message)
    {
        var clauses = RequireClauses(clauseIds);
        Move(SubmissionAction.Hide, moderatorId, now, Trimmed(message), clauses);
    }

    public void Restore(string moderatorId, DateTimeOffset now, string? message = null) =>
        Move(SubmissionAction.Restore, moderatorId, now, Trimmed(message), []);

    /// <summary>Called by the kinds before they change a field.</summary>
    protected void EnsureAuthorMayEdit(string actorId)
    {
        EnsureAuthor(actorId);
        if (!SubmissionLifecycle.AuthorMayEdit(Status))
        {
            throw new DomainRuleException(DomainErrorCodes.NotEditable, $"Submission {Id} is {Status} and cannot be edited by its author.");
        }
    }

    protected void Touch(DateTimeOffset now)
    {
        UpdatedAt = now;
        Revision++;
    }

    protected static IReadOnlyList<FieldError> ThrowIfAny(List<FieldError> errors, Guid id)
    {
        if (errors.Count > 0)
        {
            throw new DomainRuleException(DomainErrorCodes.Invalid, $"Submission {id} has {errors.Count} invalid field(s).", errors);
        }

        return errors;
    }

    private void EnsureAuthor(string actorId)
    {
        if (!string.Equals(actorId, AuthorId, StringComparison.Ordinal))
        {
            throw new DomainRuleException(DomainErrorCodes.NotAuthor, $"Only the author may do this with submission {Id}.");
        }
    }

    private void Move(SubmissionAction action, string actorId, DateTimeOffset now, string? message, IReadOnlyList<string> clauses)
    {
        var target = SubmissionLifecycle.Target(Status, action)
            ?? throw new DomainRuleException(DomainErrorCodes.IllegalMove, $"{action} is not allowed for submission {Id} in status {Status}.");
        _history.Add(new SubmissionHistoryEntry(now, actorId, action, Status, target, message, clauses) { Sequence = _history.Count + 1 });
        if (SubmissionLifecycle.PerformedBy(action) == SubmissionLifecycle.Actor.Moderator && message is not null)
        {
            LatestModeratorMessage = message;
        }

        Status = target;
        Touch(now);
    }

    private static string[] RequireClauses(IReadOnlyCollection<string>? clauseIds)
    {
        if (clauseIds is null || clauseIds.Count == 0)
        {
            throw new DomainRuleException(DomainErrorCodes.ReasonRequired, "At least one agreement clause must be given.");
        }

        var unknown = clauseIds.FirstOrDefault(c => !ModerationClauses.IsKnown(c));
        if (unknown is not null)
        {
            throw new DomainRuleException(DomainErrorCodes.UnknownClause, $"'{unknown}' is not a clause moderators can cite.");
        }

        return clauseIds.Distinct(StringComparer.Ordinal).ToArray();
    }

    private static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
