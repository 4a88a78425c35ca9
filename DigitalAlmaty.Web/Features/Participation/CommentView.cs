using DigitalAlmaty.Domain.Participation;

namespace DigitalAlmaty.Web.Features.Participation;

/// <summary>
/// One comment as a reader sees it. <see cref="Text"/> is null when the reader may not read it
/// (hidden, removed, or waiting for a moderator and not theirs): the thread says why instead.
/// </summary>
public sealed record CommentView(
    Guid Id, Guid? ParentId, string AuthorName, DateTimeOffset CreatedAt, DateTimeOffset? EditedAt, CommentState State, string? Text,
    string? HiddenClause, bool Mine, bool MayEdit);
