using System.Security.Claims;
using DigitalAlmaty.Domain.Flags;
using DigitalAlmaty.Domain.Participation;
using DigitalAlmaty.Domain.Submissions;
using DigitalAlmaty.Web.Data;
using DigitalAlmaty.Web.Features.Accounts;
using DigitalAlmaty.Web.Features.Blocking;
using DigitalAlmaty.Web.Realtime;
using Microsoft.EntityFrameworkCore;

namespace DigitalAlmaty.Web.Features.Participation;

/// <summary>
/// Comments on published ideas and events, for participants. A signed-in participant with a
/// confirmed e-mail who may write (not blocked, the agreement accepted, read at the moment of the
/// action) comments or answers a top-level comment; the comment is public at once, unless a
/// moderator hid one of theirs in the last 30 days: then it waits in the queue. Authors edit for 15
/// minutes and remove their own; readers report a comment once each.
/// </summary>
public sealed class CommentService(
    IDbContextFactory<PortalDbContext> databases, TimeProvider clock, WriteGate gate, PortalEventFeed feed, ILogger<CommentService> logger)
{
    /// <summary>The item's thread as <paramref name="reader"/> sees it: top-level comments oldest first, each followed by its replies.</summary>
    public async Task<IReadOnlyList<CommentView>> ThreadAsync(ClaimsPrincipal reader, Guid submissionId)
    {
        var readerId = ActingUser.Id(reader);
        var now = clock.GetUtcNow();
        await using var db = await databases.CreateDbContextAsync();
        var rows = await (
                from c in db.Comments.AsNoTracking()
                join u in db.Users on c.AuthorId equals u.Id into authors
                from u in authors.DefaultIfEmpty()
                where c.SubmissionId == submissionId && (c.State != CommentState.Pending || c.AuthorId == readerId)
                orderby c.CreatedAt, c.Id
                select new { Comment = c, Name = u.AnnulledAt == null ? u.DisplayName : null })
            .ToListAsync();
        var views = rows.Select(r =>
        {
            var c = r.Comment;
            var mine = readerId is not null && c.AuthorId == readerId;
            var readable = c.State == CommentState.Visible || (c.State == CommentState.Pending && mine);
            return new CommentView(c.Id, c.ParentId, r.Name ?? string.Empty, c.CreatedAt, c.EditedAt, c.State, readable ? c.Text : null,
                c.HiddenClause, mine, readerId is not null && CommentRules.EditRefusal(c.AuthorId, readerId, c.State, c.CreatedAt, now) is null);
        }).ToList();
        var replies = views.Where(v => v.ParentId is not null).ToLookup(v => v.ParentId!.Value);
        return views.Where(v => v.ParentId is null).SelectMany(v => replies[v.Id].Prepend(v)).ToList();
    }

    public async Task<CommentResult> PostAsync(ClaimsPrincipal participant, Guid submissionId, Guid? parentId, string? text)
    {
        var (writerId, failure) = await WriterOfAsync(participant, text);
        if (writerId is null)
        {
            return failure!;
        }

        await using var db = await databases.CreateDbContextAsync();
        var item = await db.Submissions.AsNoTracking().Where(s => s.Id == submissionId).Select(s => new { s.Status }).SingleOrDefaultAsync();
        if (item is null || !CommentRules.MayCommentOn(item.Status))
        {
            return CommentResult.Fail(CommentResult.NotFound);
        }

        if (parentId is { } parent)
        {
            var target = await db.Comments.AsNoTracking().Where(c => c.Id == parent && c.SubmissionId == submissionId)
                .Select(c => new { c.ParentId }).SingleOrDefaultAsync();
            if (target is null)
            {
                return CommentResult.Fail(CommentResult.NotFound);
            }

            if (!CommentRules.MayReplyTo(target.ParentId))
            {
                return CommentResult.Fail(CommentRules.ReplyToReply);
            }
        }

        var now = clock.GetUtcNow();
        var lastHidden = await db.Comments.Where(c => c.AuthorId == writerId && c.State == CommentState.Hidden)
            .MaxAsync(c => (DateTimeOffset?)c.ModeratedAt);
        var comment = new Comment
        {
            Id = Guid.NewGuid(),
            SubmissionId = submissionId,
            ParentId = parentId,
            AuthorId = writerId,
            Text = text!.Trim(),
            CreatedAt = now,
            State = CommentRules.Initial(lastHidden, now),
        };
        db.Comments.Add(comment);
        var told = comment.State == CommentState.Visible ? await TellFollowersAsync(db, comment) : [];
        await db.SaveChangesAsync();
        feed.Publish(new CommentsChanged(submissionId));
        foreach (var notification in told)
        {
            feed.Publish(new NotificationCreated(notification.UserId, notification.Id));
        }

        return CommentResult.Ok(comment.Id, comment.State);
    }

    public async Task<CommentResult> EditAsync(ClaimsPrincipal participant, Guid commentId, string? text)
    {
        var (writerId, failure) = await WriterOfAsync(participant, text);
        if (writerId is null)
        {
            return failure!;
        }

        await using var db = await databases.CreateDbContextAsync();
        var comment = await db.Comments.SingleOrDefaultAsync(c => c.Id == commentId);
        if (comment is null)
        {
            return CommentResult.Fail(CommentResult.NotFound);
        }

        var now = clock.GetUtcNow();
        if (CommentRules.EditRefusal(comment.AuthorId, writerId, comment.State, comment.CreatedAt, now) is { } refusal)
        {
            return CommentResult.Fail(refusal);
        }

        comment.Text = text!.Trim();
        comment.EditedAt = now;
        await db.SaveChangesAsync();
        feed.Publish(new CommentsChanged(comment.SubmissionId));
        return CommentResult.Ok(comment.Id, comment.State);
    }

    /// <summary>The author removes their comment: the thread keeps its place and says so. Allowed to blocked authors too.</summary>
    public async Task<CommentResult> RemoveAsync(ClaimsPrincipal participant, Guid commentId)
    {
        if (ActingUser.Id(participant) is not { } userId)
        {
            return CommentResult.Fail(CommentResult.NotAllowed);
        }

        await using var db = await databases.CreateDbContextAsync();
        var comment = await db.Comments.SingleOrDefaultAsync(c => c.Id == commentId);
        if (comment is null)
        {
            return CommentResult.Fail(CommentResult.NotFound);
        }

        if (CommentRules.RemoveRefusal(comment.AuthorId, userId, comment.State) is { } refusal)
        {
            return CommentResult.Fail(refusal);
        }

        comment.State = CommentState.Removed;
        await db.SaveChangesAsync();
        feed.Publish(new CommentsChanged(comment.SubmissionId));
        return CommentResult.Ok(comment.Id, comment.State);
    }

    /// <summary>A reader reports a visible comment that is not theirs, once (also under a race, by the unique index).</summary>
    public async Task<CommentResult> ReportAsync(ClaimsPrincipal reader, Guid commentId, string? clause, string? message)
    {
        if (await WriterAsync(reader) is not { } writer)
        {
            return CommentResult.Fail(CommentResult.NotAllowed);
        }

        if (writer.Refusal is not null)
        {
            return writer.Refusal;
        }

        var invalid = FlagRules.Validate(clause, message);
        if (invalid.Count > 0)
        {
            return CommentResult.Fail(invalid[0].Code);
        }

        await using var db = await databases.CreateDbContextAsync();
        var comment = await db.Comments.AsNoTracking().SingleOrDefaultAsync(c => c.Id == commentId && c.State == CommentState.Visible);
        if (comment is null || comment.AuthorId == writer.Id)
        {
            return CommentResult.Fail(comment is null ? CommentResult.NotFound : CommentRules.NotYours);
        }

        if (await db.CommentFlags.AnyAsync(f => f.CommentId == commentId && f.ReporterId == writer.Id))
        {
            return CommentResult.Fail(CommentResult.AlreadyReported);
        }

        db.CommentFlags.Add(new CommentFlag
        {
            CommentId = commentId, ReporterId = writer.Id, Clause = clause!.Trim(), Message = message!.Trim(), CreatedAt = clock.GetUtcNow(),
        });
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException ex)
        {
            logger.LogInformation(ex, "A second report by {Reader} on comment {Id} was refused by the database.", writer.Id, commentId);
            return CommentResult.Fail(CommentResult.AlreadyReported);
        }

        feed.Publish(new CommentsChanged(comment.SubmissionId));
        return CommentResult.Ok(comment.Id, comment.State);
    }

    /// <summary>Who writes <paramref name="text"/>, or why they may not (not signed in, refused, or the text breaks the rules).</summary>
    private async Task<(string? Id, CommentResult? Failure)> WriterOfAsync(ClaimsPrincipal participant, string? text)
    {
        if (await WriterAsync(participant) is not { } writer)
        {
            return (null, CommentResult.Fail(CommentResult.NotAllowed));
        }

        if (writer.Refusal is not null)
        {
            return (null, writer.Refusal);
        }

        return CommentRules.TextError(text) is { } error ? (null, CommentResult.Fail(error)) : (writer.Id, null);
    }

    /// <summary>Who is writing and whether they may: null when nobody is signed in.</summary>
    private async Task<(string Id, CommentResult? Refusal)?> WriterAsync(ClaimsPrincipal principal)
    {
        if (ActingUser.Id(principal) is not { } userId)
        {
            return null;
        }

        if (await gate.RefusalAsync(userId) is { } refusal)
        {
            return (userId, CommentResult.Fail(CommentResult.Refused, refusal));
        }

        await using var db = await databases.CreateDbContextAsync();
        var confirmed = await db.Users.Where(u => u.Id == userId).Select(u => u.EmailConfirmed).SingleOrDefaultAsync();
        return (userId, confirmed ? null : CommentResult.Fail(CommentResult.EmailNotConfirmed));
    }

    /// <summary>Bell notifications of a new visible comment for the item's author and followers, except its writer (added, not saved).</summary>
    internal static async Task<IReadOnlyList<Notification>> TellFollowersAsync(PortalDbContext db, Comment comment)
    {
        var item = await db.Submissions.AsNoTracking().Where(s => s.Id == comment.SubmissionId)
            .Select(s => new { s.Title, Kind = EF.Property<string>(s, Data.Configurations.SubmissionConfiguration.KindColumn) }).SingleAsync();
        var audience = (await FollowService.AudienceAsync(db, comment.SubmissionId)).Where(id => id != comment.AuthorId);
        var notifications = audience.Select(userId => new Notification
        {
            Id = Guid.NewGuid(),
            UserId = userId,
            CreatedAt = comment.CreatedAt,
            SubmissionId = comment.SubmissionId,
            Kind = Enum.Parse<SubmissionKind>(item.Kind),
            Action = SubmissionAction.Approve,
            SubmissionTitle = item.Title,
            Topic = Notification.CommentTopic,
            Message = item.Title,
        }).ToList();
        db.Notifications.AddRange(notifications);
        return notifications;
    }
}
