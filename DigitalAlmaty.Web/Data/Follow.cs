namespace DigitalAlmaty.Web.Data;

/// <summary>
/// A participant follows a published idea or event: they are told of the city's answers (and later
/// of new comments). An item's author follows it without a row.
/// </summary>
public sealed class Follow
{
    public Guid SubmissionId { get; set; }

    public string UserId { get; set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; set; }
}
