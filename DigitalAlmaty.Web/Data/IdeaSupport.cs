namespace DigitalAlmaty.Web.Data;

/// <summary>
/// One participant's support of one published idea. The key (idea, participant) makes a second
/// support impossible, also when two arrive at once; <see cref="Domain.Ideas.Idea.SupportCount"/>
/// changes in the same transaction. Nobody but the database knows who supported.
/// </summary>
public sealed class IdeaSupport
{
    public Guid IdeaId { get; set; }

    public string UserId { get; set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; set; }
}
