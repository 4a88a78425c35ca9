using DigitalAlmaty.Domain.Participation;
using DigitalAlmaty.Domain.Submissions;

namespace DigitalAlmaty.Domain.Ideas;

/// <summary>
/// An IT project proposed for the city. Besides a title, a summary and a category it must state
/// the goal, the tasks, the expected benefit to the city and examples of earlier implementations.
/// </summary>
public sealed class Idea : Submission
{
    public const int SummaryMaxLength = 500;
    public const int BodyMaxLength = 10_000;
    public const int BodyMinWords = 3;
    public const int MaxTags = 10;
    public const int TagMaxLength = 40;

    private Idea()
    {
    }

    private Idea(Guid id, string authorId, DateTimeOffset now)
        : base(id, authorId, now)
    {
    }

    public override SubmissionKind Kind => SubmissionKind.Idea;

    public string Summary { get; private set; } = string.Empty;

    public string? Category { get; private set; }

    public string Goal { get; private set; } = string.Empty;

    public string Tasks { get; private set; } = string.Empty;

    public string CityBenefit { get; private set; } = string.Empty;

    public string PriorImplementations { get; private set; } = string.Empty;

    public IReadOnlyList<string> Tags { get; private set; } = [];

    public Guid? CoverImageId { get; private set; }

    /// <summary>
    /// How many participants support the idea. The database keeps it: one row per supporter, and
    /// the count changes in the same transaction as that row, so it is exact under concurrency.
    /// </summary>
    public int SupportCount { get; private set; }

    /// <summary>The status of the city's latest answer; null until the Digitalization Department answers.</summary>
    public CityStatus? CityStatus { get; private set; }

    public IdeaContent Content =>
        new(Title, Summary, Category, Goal, Tasks, CityBenefit, PriorImplementations, Tags, CoverImageId);

    public static Idea StartDraft(Guid id, string authorId, DateTimeOffset now) => new(id, authorId, now);

    /// <summary>Saves the author's text. Drafts accept incomplete content; limits that protect storage still apply.</summary>
    public void Edit(string actorId, IdeaContent content, DateTimeOffset now)
    {
        EnsureAuthorMayEdit(actorId);
        var normalized = Normalize(content);
        ThrowIfAny([.. Rules(normalized, ValidationMode.Draft)], Id);
        Title = normalized.Title;
        Summary = normalized.Summary;
        Category = normalized.Category;
        Goal = normalized.Goal;
        Tasks = normalized.Tasks;
        CityBenefit = normalized.CityBenefit;
        PriorImplementations = normalized.PriorImplementations;
        Tags = normalized.Tags;
        CoverImageId = normalized.CoverImageId;
        Touch(now);
    }

    public override IReadOnlyList<FieldError> Validate(ValidationMode mode, DateTimeOffset now) => Rules(Content, mode);

    public static IReadOnlyList<FieldError> Rules(IdeaContent content, ValidationMode mode)
    {
        var errors = new List<FieldError>();
        TextRules.Text(errors, nameof(IdeaContent.Title), content.Title, TitleMaxLength, mode, required: true);
        TextRules.Text(errors, nameof(IdeaContent.Summary), content.Summary, SummaryMaxLength, mode, required: true);
        if (mode == ValidationMode.Submit && string.IsNullOrWhiteSpace(content.Category))
        {
            errors.Add(new FieldError(nameof(IdeaContent.Category), FieldErrorCodes.Required));
        }
        else if (!string.IsNullOrWhiteSpace(content.Category) && !IdeaCategories.IsKnown(content.Category))
        {
            errors.Add(new FieldError(nameof(IdeaContent.Category), FieldErrorCodes.UnknownChoice));
        }

        TextRules.Text(errors, nameof(IdeaContent.Goal), content.Goal, BodyMaxLength, mode, required: true, BodyMinWords);
        TextRules.Text(errors, nameof(IdeaContent.Tasks), content.Tasks, BodyMaxLength, mode, required: true, BodyMinWords);
        TextRules.Text(errors, nameof(IdeaContent.CityBenefit), content.CityBenefit, BodyMaxLength, mode, required: true, BodyMinWords);
        TextRules.Text(errors, nameof(IdeaContent.PriorImplementations), content.PriorImplementations, BodyMaxLength, mode, required: true, BodyMinWords);
        if (content.Tags.Count > MaxTags)
        {
            errors.Add(new FieldError(nameof(IdeaContent.Tags), FieldErrorCodes.TooMany, MaxTags));
        }
        else if (content.Tags.Any(t => t.Length > TagMaxLength))
        {
            errors.Add(new FieldError(nameof(IdeaContent.Tags), FieldErrorCodes.TooLong, TagMaxLength));
        }

        return errors;
    }

    public override IReadOnlyDictionary<string, string> SnapshotFields() => new Dictionary<string, string>
    {
        [nameof(Title)] = Title,
        [nameof(Summary)] = Summary,
        [nameof(Category)] = Category ?? string.Empty,
        [nameof(Goal)] = Goal,
        [nameof(Tasks)] = Tasks,
        [nameof(CityBenefit)] = CityBenefit,
        [nameof(PriorImplementations)] = PriorImplementations,
        [nameof(Tags)] = string.Join(", ", Tags),
    };

    private static IdeaContent Normalize(IdeaContent content) => content with
    {
        Title = TextRules.Clean(content.Title),
        Summary = TextRules.Clean(content.Summary),
        Category = string.IsNullOrWhiteSpace(content.Category) ? null : content.Category.Trim(),
        Goal = TextRules.Clean(content.Goal),
        Tasks = TextRules.Clean(content.Tasks),
        CityBenefit = TextRules.Clean(content.CityBenefit),
        PriorImplementations = TextRules.Clean(content.PriorImplementations),
        Tags = content.Tags
            .Select(t => t.Trim().TrimStart('#'))
            .Where(t => t.Length > 0)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToArray(),
    };
}
