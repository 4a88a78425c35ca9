using DigitalAlmaty.Domain.Submissions;

namespace DigitalAlmaty.Domain.Publications;

/// <summary>
/// A news item, report or project written by staff, in one or more of ru/kk/en. Its status changes
/// only through <see cref="Schedule"/>, <see cref="PublishNow"/> and <see cref="Unpublish"/>, each
/// guarded; time and actor come in as arguments.
/// </summary>
public sealed class Publication
{
    public const int TitleMaxLength = 200;
    public const int SummaryMaxLength = 500;
    public const int BodyMaxLength = 50_000;
    public const int MaxAttachments = 20;

    private readonly List<PublicationContent> _texts = [];
    private readonly List<PublicationAttachment> _attachments = [];

    /// <summary>For the persistence layer only.</summary>
    private Publication()
    {
        AuthorId = string.Empty;
        UpdatedBy = string.Empty;
    }

    public Publication(
        Guid id, PublicationKind kind, string authorId, DateTimeOffset now,
        IEnumerable<PublicationContent> texts, Guid? coverImageId = null, IEnumerable<Guid>? attachmentIds = null)
    {
        if (string.IsNullOrWhiteSpace(authorId))
        {
            throw new ArgumentException("A publication needs an author.", nameof(authorId));
        }

        Id = id;
        Kind = kind;
        AuthorId = authorId;
        UpdatedBy = authorId;
        CreatedAt = now;
        UpdatedAt = now;
        Status = PublicationStatus.Draft;
        Apply(texts, coverImageId, attachmentIds);
    }

    public Guid Id { get; private set; }

    public PublicationKind Kind { get; private set; }

    public string AuthorId { get; private set; }

    public string UpdatedBy { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public PublicationStatus Status { get; private set; }

    /// <summary>From when readers see it: the scheduled instant, or when it was published.</summary>
    public DateTimeOffset? PublishAt { get; private set; }

    public Guid? CoverImageId { get; private set; }

    /// <summary>Grows with every change; the database uses it to refuse a stale concurrent write.</summary>
    public int Revision { get; private set; }

    /// <summary>Languages present, in the order ru, kk, en.</summary>
    public IReadOnlyList<PublicationContent> Texts => _texts;

    public IReadOnlyList<PublicationAttachment> Attachments => _attachments;

    public IReadOnlyList<Guid> AttachmentIds => _attachments.OrderBy(a => a.Position).Select(a => a.FileId).ToList();

    public IReadOnlyList<string> Languages => _texts.Select(t => t.Language).ToList();

    public PublicationContent? TextIn(string language) => _texts.FirstOrDefault(t => t.Language == language);

    /// <summary>The reader's language when present, else Russian, else whatever exists.</summary>
    public PublicationContent TextFor(string language) =>
        TextIn(language) ?? TextIn(PublicationLanguages.Russian) ?? _texts[0];

    /// <summary>Readers see it when published, or scheduled and its time has come.</summary>
    public bool IsVisibleAt(DateTimeOffset now) =>
        Status == PublicationStatus.Published || (Status == PublicationStatus.Scheduled && PublishAt <= now);

    /// <summary>The field rules; an empty list means the content may be saved.</summary>
    public static IReadOnlyList<FieldError> Rules(IEnumerable<PublicationContent> texts, int attachmentCount = 0)
    {
        var errors = new List<FieldError>();
        var present = texts.Where(t => !t.IsBlank).ToList();
        if (present.Count == 0)
        {
            errors.Add(new FieldError("Texts", PublicationErrorCodes.NoLanguage));
        }

        foreach (var text in present)
        {
            if (!PublicationLanguages.IsKnown(text.Language) || present.Count(t => t.Language == text.Language) > 1)
            {
                errors.Add(new FieldError($"{text.Language}.Language", PublicationErrorCodes.UnknownLanguage));
                continue;
            }

            TextRules.Text(errors, $"{text.Language}.Title", text.Title, TitleMaxLength, ValidationMode.Submit, required: true);
            TextRules.Text(errors, $"{text.Language}.Summary", text.Summary, SummaryMaxLength, ValidationMode.Submit, required: false);
            TextRules.Text(errors, $"{text.Language}.Body", text.Body, BodyMaxLength, ValidationMode.Submit, required: true);
        }

        if (attachmentCount > MaxAttachments)
        {
            errors.Add(new FieldError("Attachments", FieldErrorCodes.TooMany, MaxAttachments));
        }

        return errors;
    }

    /// <summary>Replaces the content; allowed in every status (staff correct what readers see).</summary>
    public void Edit(string actorId, DateTimeOffset now, IEnumerable<PublicationContent> texts, Guid? coverImageId, IEnumerable<Guid>? attachmentIds)
    {
        Apply(texts, coverImageId, attachmentIds);
        Touch(actorId, now);
    }

    /// <summary>Shows it to readers from a future instant.</summary>
    public void Schedule(string actorId, DateTimeOffset at, DateTimeOffset now)
    {
        if (Status == PublicationStatus.Published)
        {
            throw Illegal("Schedule");
        }

        if (at <= now)
        {
            throw new DomainRuleException(PublicationErrorCodes.NotInFuture, $"Publication {Id} cannot be scheduled at {at:O}, which is not after {now:O}.");
        }

        Status = PublicationStatus.Scheduled;
        PublishAt = at;
        Touch(actorId, now);
    }

    /// <summary>Shows it to readers now (a scheduled item whose time has come keeps its date).</summary>
    public void PublishNow(string actorId, DateTimeOffset now)
    {
        if (Status == PublicationStatus.Published)
        {
            throw Illegal("PublishNow");
        }

        PublishAt = Status == PublicationStatus.Scheduled && PublishAt <= now ? PublishAt : now;
        Status = PublicationStatus.Published;
        Touch(actorId, now);
    }

    /// <summary>Takes a published item down, or cancels a schedule.</summary>
    public void Unpublish(string actorId, DateTimeOffset now)
    {
        if (Status is not (PublicationStatus.Published or PublicationStatus.Scheduled))
        {
            throw Illegal("Unpublish");
        }

        Status = PublicationStatus.Unpublished;
        Touch(actorId, now);
    }

    private void Apply(IEnumerable<PublicationContent> texts, Guid? coverImageId, IEnumerable<Guid>? attachmentIds)
    {
        var cleaned = texts
            .Select(t => new PublicationContent(t.Language, TextRules.Clean(t.Title), TextRules.Clean(t.Summary), (t.Body ?? string.Empty).TrimEnd()))
            .ToList();
        var attachments = (attachmentIds ?? []).Distinct().ToList();
        var errors = Rules(cleaned, attachments.Count);
        if (errors.Count > 0)
        {
            var code = errors.Any(e => e.Code == PublicationErrorCodes.NoLanguage) ? PublicationErrorCodes.NoLanguage : PublicationErrorCodes.Invalid;
            throw new DomainRuleException(code, $"Publication {Id} has {errors.Count} invalid field(s).", errors);
        }

        _texts.Clear();
        _texts.AddRange(cleaned.Where(t => !t.IsBlank).OrderBy(t => PublicationLanguages.All.ToList().IndexOf(t.Language)));
        CoverImageId = coverImageId;
        _attachments.Clear();
        _attachments.AddRange(attachments.Select((fileId, index) => new PublicationAttachment(fileId, index)));
    }

    private void Touch(string actorId, DateTimeOffset now)
    {
        UpdatedBy = actorId;
        UpdatedAt = now;
        Revision++;
    }

    private DomainRuleException Illegal(string move) =>
        new(PublicationErrorCodes.IllegalMove, $"{move} is not allowed for publication {Id} in status {Status}.");
}
