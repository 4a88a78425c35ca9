using DigitalAlmaty.Domain.Flags;

namespace DigitalAlmaty.Web.Data;

/// <summary>
/// One reader's report on one published idea or event (clauses 4.3.5–4.3.11). Unique per
/// (item, reader). Open until a moderator hides the item or dismisses the reports.
/// </summary>
public sealed class ContentFlag
{
    public long Id { get; set; }

    public Guid SubmissionId { get; set; }

    public string ReporterId { get; set; } = string.Empty;

    /// <summary>One of <see cref="DigitalAlmaty.Domain.Submissions.ModerationClauses"/>.</summary>
    public string Clause { get; set; } = string.Empty;

    public string Message { get; set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? ResolvedAt { get; set; }

    public string? ResolvedBy { get; set; }

    public FlagResolution? Resolution { get; set; }
}
