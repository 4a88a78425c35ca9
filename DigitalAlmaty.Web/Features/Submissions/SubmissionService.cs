using System.Security.Claims;
using DigitalAlmaty.Domain;
using DigitalAlmaty.Domain.Accounts;
using DigitalAlmaty.Domain.Events;
using DigitalAlmaty.Domain.Ideas;
using DigitalAlmaty.Domain.Submissions;
using DigitalAlmaty.Web.Data;
using DigitalAlmaty.Web.Features.Accounts;
using DigitalAlmaty.Web.Realtime;
using Microsoft.EntityFrameworkCore;

namespace DigitalAlmaty.Web.Features.Submissions;

/// <summary>
/// The author's side of Ideas and Events: drafts, submission, withdrawal, and who may see what.
/// Every method takes the signed-in user and checks on the server; one DbContext per operation.
/// </summary>
public sealed class SubmissionService(
    IDbContextFactory<PortalDbContext> databases,
    TimeProvider clock,
    PortalEventFeed feed,
    Blocking.WriteGate gate,
    Files.FileStore files,
    ILogger<SubmissionService> logger)
{
    /// <summary>Saves an idea draft; the first save creates it with the id the editor chose.</summary>
    public Task<SubmissionResult> SaveIdeaAsync(ClaimsPrincipal user, Guid id, IdeaContent content, int? knownRevision) =>
        SaveAsync(user, id, knownRevision,
            db => db.Ideas.SingleOrDefaultAsync(i => i.Id == id),
            (authorId, now) => Idea.StartDraft(id, authorId, now),
            (idea, authorId, now) => idea.Edit(authorId, content, now));

    public Task<SubmissionResult> SaveEventAsync(ClaimsPrincipal user, Guid id, EventContent content, int? knownRevision) =>
        SaveAsync(user, id, knownRevision,
            db => db.Events.SingleOrDefaultAsync(e => e.Id == id),
            (authorId, now) => CityEvent.StartDraft(id, authorId, now),
            (cityEvent, authorId, now) => cityEvent.Edit(authorId, content, now));

    public Task<SubmissionResult> SubmitAsync(ClaimsPrincipal user, Guid id, string? answer = null) =>
        ActAsync(user, id, (submission, userId, now) => submission.Submit(userId, now, answer));

    public Task<SubmissionResult> WithdrawAsync(ClaimsPrincipal user, Guid id) =>
        ActAsync(user, id, (submission, userId, now) => submission.Withdraw(userId, now));

    /// <summary>
    /// Stores a cover image for the author's idea, through the same gate as every other write of
    /// theirs (a blocked user stores nothing) and within their upload quota.
    /// </summary>
    public async Task<CoverUpload> UploadCoverAsync(ClaimsPrincipal user, Stream content, string name, CancellationToken cancellationToken = default)
    {
        var userId = ActingUser.Id(user);
        if (userId is null)
        {
            return new CoverUpload(null, Files.UploadProblem.None, new Blocking.WriteRefusal(Blocking.WriteRefusal.SessionEnded));
        }

        if (await gate.RefusalAsync(userId) is { } refusal)
        {
            return new CoverUpload(null, Files.UploadProblem.None, refusal);
        }

        var saved = await files.SaveImageAsync(userId, content, name, perUserQuota: true, cancellationToken);
        return new CoverUpload(saved.FileId, saved.Problem);
    }

    /// <summary>The item for its author's editor; null when it does not exist or belongs to someone else.</summary>
    public async Task<TSubmission?> FindOwnAsync<TSubmission>(ClaimsPrincipal user, Guid id)
        where TSubmission : Submission
    {
        var userId = ActingUser.Id(user);
        if (userId is null)
        {
            return null;
        }

        await using var db = await databases.CreateDbContextAsync();
        return await db.Set<TSubmission>().AsNoTracking().SingleOrDefaultAsync(s => s.Id == id && s.AuthorId == userId);
    }

    /// <summary>
    /// A published item for anyone; an unpublished one only for its author and moderators. For
    /// everyone else it does not exist (the page answers 404 and reveals nothing).
    /// </summary>
    public async Task<TSubmission?> FindVisibleAsync<TSubmission>(ClaimsPrincipal user, Guid id)
        where TSubmission : Submission
    {
        await using var db = await databases.CreateDbContextAsync();
        var submission = await db.Set<TSubmission>().AsNoTracking().SingleOrDefaultAsync(s => s.Id == id);
        return submission is not null && CanSee(user, submission) ? submission : null;
    }

    public static bool CanSee(ClaimsPrincipal user, Submission submission) =>
        submission.Status == SubmissionStatus.Published
        || ActingUser.Id(user) == submission.AuthorId
        || ActingUser.ClaimsModerator(user);

    /// <summary>The author's workspace: their ideas and events, most recently changed first.</summary>
    public async Task<IReadOnlyList<MySubmission>> ListMineAsync(ClaimsPrincipal user, SubmissionStatus? status = null)
    {
        var userId = ActingUser.Id(user) ?? throw new UnauthorizedAccessException("Sign-in required.");
        await using var db = await databases.CreateDbContextAsync();
        var query = db.Submissions.AsNoTracking().Where(s => s.AuthorId == userId);
        if (status is not null)
        {
            query = query.Where(s => s.Status == status);
        }

        var rows = await query
            .OrderByDescending(s => s.UpdatedAt)
            .Select(s => new
            {
                s.Id,
                Kind = EF.Property<string>(s, Data.Configurations.SubmissionConfiguration.KindColumn),
                s.Title,
                s.Status,
                s.UpdatedAt,
                s.LatestModeratorMessage,
            })
            .ToListAsync();
        return rows
            .Select(r => new MySubmission(r.Id, Enum.Parse<SubmissionKind>(r.Kind), r.Title, r.Status, r.UpdatedAt, r.LatestModeratorMessage))
            .ToList();
    }

    private async Task<SubmissionResult> SaveAsync<TSubmission>(
        ClaimsPrincipal user,
        Guid id,
        int? knownRevision,
        Func<PortalDbContext, Task<TSubmission?>> load,
        Func<string, DateTimeOffset, TSubmission> create,
        Action<TSubmission, string, DateTimeOffset> edit)
        where TSubmission : Submission
    {
        var userId = ActingUser.Id(user);
        if (userId is null)
        {
            return SubmissionResult.Fail(DomainErrorCodes.NotAuthor);
        }

        // A blocked user writes nothing (4.1.3, 6.4); a notable agreement version is accepted first (1.4, 4.1.1).
        if (await gate.RefusalAsync(userId) is { } refusal)
        {
            return SubmissionResult.Fail(refusal.Code);
        }

        await using var db = await databases.CreateDbContextAsync();
        var now = clock.GetUtcNow();
        var submission = await load(db);
        if (submission is null)
        {
            if (await db.Submissions.AnyAsync(s => s.Id == id))
            {
                return SubmissionResult.Fail(SubmissionResult.NotFound);
            }

            submission = create(userId, now);
            db.Add(submission);
        }
        else if (submission.AuthorId != userId)
        {
            return SubmissionResult.Fail(SubmissionResult.NotFound);
        }
        else if (knownRevision is not null && knownRevision != submission.Revision)
        {
            return SubmissionResult.Fail(SubmissionResult.Conflict);
        }

        try
        {
            edit(submission, userId, now);
        }
        catch (DomainRuleException ex)
        {
            return SubmissionResult.Fail(ex.Code, ex.FieldErrors);
        }

        return await CommitAsync(db, submission, publish: false);
    }

    private async Task<SubmissionResult> ActAsync(ClaimsPrincipal user, Guid id, Action<Submission, string, DateTimeOffset> act)
    {
        var userId = ActingUser.Id(user);
        if (userId is null)
        {
            return SubmissionResult.Fail(DomainErrorCodes.NotAuthor);
        }

        // A blocked user writes nothing (4.1.3, 6.4); a notable agreement version is accepted first (1.4, 4.1.1).
        if (await gate.RefusalAsync(userId) is { } refusal)
        {
            return SubmissionResult.Fail(refusal.Code);
        }

        await using var db = await databases.CreateDbContextAsync();
        var submission = await db.Submissions.SingleOrDefaultAsync(s => s.Id == id);
        if (submission is null || submission.AuthorId != userId)
        {
            return SubmissionResult.Fail(SubmissionResult.NotFound);
        }

        try
        {
            act(submission, userId, clock.GetUtcNow());
        }
        catch (DomainRuleException ex)
        {
            return SubmissionResult.Fail(ex.Code, ex.FieldErrors);
        }

        return await CommitAsync(db, submission, publish: true);
    }

    private async Task<SubmissionResult> CommitAsync(PortalDbContext db, Submission submission, bool publish)
    {
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException ex)
        {
            // Another window or a moderator changed the item first; nothing of this write was kept.
            logger.LogInformation(ex, "Concurrent change of submission {Id} refused.", submission.Id);
            return SubmissionResult.Fail(SubmissionResult.Conflict);
        }

        if (publish)
        {
            feed.Publish(new SubmissionChanged(submission.Id, submission.Kind, submission.Status, submission.AuthorId));
        }

        return SubmissionResult.Ok(submission.Revision);
    }
}
