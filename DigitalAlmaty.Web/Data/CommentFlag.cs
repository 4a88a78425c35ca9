using DigitalAlmaty.Domain.Flags;

namespace DigitalAlmaty.Web.Data;

/// <summary>A reader's report on one comment (clauses 4.3.5–4.3.11); one per reader per comment, open until a moderator decides.</summary>
public sealed class CommentFlag
{
    public long Id { get; set; }

    public Guid CommentId { get; set; }

    public string ReporterId { get; set; } = string.Empty;

    public string Clause { get; set; } = string.Empty;

    public string Message { get; set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? ResolvedAt { get; set; }

    public string? ResolvedBy { get; set; }

    public FlagResolution? Resolution { get; set; }
}
