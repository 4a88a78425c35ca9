using DigitalAlmaty.Domain.Submissions;

namespace DigitalAlmaty.Domain.Events;

/// <summary>
/// An announcement of a planned public IT event. Times are instants (stored in UTC); the Web layer
/// turns what the user typed into an instant as Almaty time (see <c>AlmatyTime</c>).
/// </summary>
public sealed class CityEvent : Submission
{
    public const int DescriptionMaxLength = 10_000;
    public const int DescriptionMinWords = 3;
    public const int VenueMaxLength = 300;
    public const int LinkMaxLength = 500;
    public const int OrganiserMaxLength = 200;

    private CityEvent()
    {
    }

    private CityEvent(Guid id, string authorId, DateTimeOffset now)
        : base(id, authorId, now)
    {
    }

    public override SubmissionKind Kind => SubmissionKind.Event;

    public string Description { get; private set; } = string.Empty;

    public DateTimeOffset? StartsAt { get; private set; }

    public DateTimeOffset? EndsAt { get; private set; }

    public EventFormat Format { get; private set; }

    public string Venue { get; private set; } = string.Empty;

    public string OnlineLink { get; private set; } = string.Empty;

    public string Organiser { get; private set; } = string.Empty;

    public string RegistrationLink { get; private set; } = string.Empty;

    public EventLanguages Languages { get; private set; }

    public bool IsFree { get; private set; } = true;

    public EventContent Content =>
        new(Title, Description, StartsAt, EndsAt, Format, Venue, OnlineLink, Organiser, RegistrationLink, Languages, IsFree);

    public static CityEvent StartDraft(Guid id, string authorId, DateTimeOffset now) => new(id, authorId, now);

    public void Edit(string actorId, EventContent content, DateTimeOffset now)
    {
        EnsureAuthorMayEdit(actorId);
        var normalized = content with
        {
            Title = TextRules.Clean(content.Title),
            Description = TextRules.Clean(content.Description),
            StartsAt = content.StartsAt?.ToUniversalTime(),
            EndsAt = content.EndsAt?.ToUniversalTime(),
            Venue = TextRules.Clean(content.Venue),
            OnlineLink = TextRules.Clean(content.OnlineLink),
            Organiser = TextRules.Clean(content.Organiser),
            RegistrationLink = TextRules.Clean(content.RegistrationLink),
        };
        ThrowIfAny([.. Rules(normalized, ValidationMode.Draft, now)], Id);
        Title = normalized.Title;
        Description = normalized.Description;
        StartsAt = normalized.StartsAt;
        EndsAt = normalized.EndsAt;
        Format = normalized.Format;
        Venue = normalized.Venue;
        OnlineLink = normalized.OnlineLink;
        Organiser = normalized.Organiser;
        RegistrationLink = normalized.RegistrationLink;
        Languages = normalized.Languages;
        IsFree = normalized.IsFree;
        Touch(now);
    }

    public override IReadOnlyList<FieldError> Validate(ValidationMode mode, DateTimeOffset now) => Rules(Content, mode, now);

    public static IReadOnlyList<FieldError> Rules(EventContent content, ValidationMode mode, DateTimeOffset now)
    {
        var errors = new List<FieldError>();
        var submit = mode == ValidationMode.Submit;
        TextRules.Text(errors, nameof(EventContent.Title), content.Title, TitleMaxLength, mode, required: true);
        TextRules.Text(errors, nameof(EventContent.Description), content.Description, DescriptionMaxLength, mode, required: true, DescriptionMinWords);
        TextRules.Text(errors, nameof(EventContent.Organiser), content.Organiser, OrganiserMaxLength, mode, required: true);

        if (submit && content.StartsAt is null)
        {
            errors.Add(new FieldError(nameof(EventContent.StartsAt), FieldErrorCodes.Required));
        }
        else if (submit && content.StartsAt <= now)
        {
            errors.Add(new FieldError(nameof(EventContent.StartsAt), FieldErrorCodes.StartInPast));
        }

        if (submit && content.EndsAt is null)
        {
            errors.Add(new FieldError(nameof(EventContent.EndsAt), FieldErrorCodes.Required));
        }
        else if (content.StartsAt is not null && content.EndsAt is not null && content.EndsAt <= content.StartsAt)
        {
            errors.Add(new FieldError(nameof(EventContent.EndsAt), FieldErrorCodes.EndBeforeStart));
        }

        var needsVenue = content.Format is EventFormat.InPerson or EventFormat.Hybrid;
        var needsLink = content.Format is EventFormat.Online or EventFormat.Hybrid;
        TextRules.Text(errors, nameof(EventContent.Venue), content.Venue, VenueMaxLength, mode, required: needsVenue);
        TextRules.Link(errors, nameof(EventContent.OnlineLink), content.OnlineLink, LinkMaxLength, mode, required: needsLink);
        TextRules.Link(errors, nameof(EventContent.RegistrationLink), content.RegistrationLink, LinkMaxLength, mode, required: false);
        if (!Enum.IsDefined(content.Format))
        {
            errors.Add(new FieldError(nameof(EventContent.Format), FieldErrorCodes.UnknownChoice));
        }

        if (submit && content.Languages == EventLanguages.None)
        {
            errors.Add(new FieldError(nameof(EventContent.Languages), FieldErrorCodes.Required));
        }

        return errors;
    }

    public override IReadOnlyDictionary<string, string> SnapshotFields() => new Dictionary<string, string>
    {
        [nameof(Title)] = Title,
        [nameof(Description)] = Description,
        [nameof(StartsAt)] = StartsAt?.ToString("O", System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty,
        [nameof(EndsAt)] = EndsAt?.ToString("O", System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty,
        [nameof(Format)] = Format.ToString(),
        [nameof(Venue)] = Venue,
        [nameof(OnlineLink)] = OnlineLink,
        [nameof(Organiser)] = Organiser,
        [nameof(RegistrationLink)] = RegistrationLink,
        [nameof(Languages)] = Languages.ToString(),
        [nameof(IsFree)] = IsFree ? "free" : "paid",
    };
}
