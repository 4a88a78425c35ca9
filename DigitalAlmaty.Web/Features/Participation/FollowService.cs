using System.Security.Claims;
using DigitalAlmaty.Domain.Submissions;
using DigitalAlmaty.Web.Data;
using DigitalAlmaty.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace DigitalAlmaty.Web.Features.Participation;

/// <summary>
/// Following published ideas and events: anyone signed in may follow or stop following; an item's
/// author always follows it (without a row). Followers are told of the city's answers.
/// </summary>
public sealed class FollowService(IDbContextFactory<PortalDbContext> databases, TimeProvider clock, ILogger<FollowService> logger)
{
    /// <summary>Whether the reader follows the item (its author always does); false for anonymous readers.</summary>
    public async Task<bool> FollowsAsync(ClaimsPrincipal reader, Guid submissionId)
    {
        if (ActingUser.Id(reader) is not { } userId)
        {
            return false;
        }

        await using var db = await databases.CreateDbContextAsync();
        return await db.Follows.AnyAsync(f => f.SubmissionId == submissionId && f.UserId == userId)
            || await db.Submissions.AnyAsync(s => s.Id == submissionId && s.AuthorId == userId);
    }

    /// <summary>Starts or stops following a published item. False when the reader is anonymous or the item is not published.</summary>
    public async Task<bool> SetAsync(ClaimsPrincipal reader, Guid submissionId, bool follow)
    {
        if (ActingUser.Id(reader) is not { } userId)
        {
            return false;
        }

        await using var db = await databases.CreateDbContextAsync();
        if (!await db.Submissions.AnyAsync(s => s.Id == submissionId && s.Status == SubmissionStatus.Published))
        {
            return false;
        }

        if (!follow)
        {
            await db.Follows.Where(f => f.SubmissionId == submissionId && f.UserId == userId).ExecuteDeleteAsync();
            return true;
        }

        if (await db.Follows.AnyAsync(f => f.SubmissionId == submissionId && f.UserId == userId))
        {
            return true;
        }

        db.Follows.Add(new Follow { SubmissionId = submissionId, UserId = userId, CreatedAt = clock.GetUtcNow() });
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException ex)
        {
            // A second click at the same moment: the key (item, participant) kept one row.
            logger.LogDebug(ex, "A second follow of {Item} by {User} was refused by the database.", submissionId, userId);
        }

        return true;
    }

    /// <summary>Who is told about the item: its author and its followers, each once.</summary>
    public static async Task<IReadOnlyList<string>> AudienceAsync(PortalDbContext db, Guid submissionId)
    {
        var author = await db.Submissions.Where(s => s.Id == submissionId).Select(s => s.AuthorId).SingleOrDefaultAsync();
        var followers = await (
                from f in db.Follows
                join u in db.Users on f.UserId equals u.Id
                where f.SubmissionId == submissionId && u.AnnulledAt == null
                select f.UserId)
            .ToListAsync();
        return (author is null ? followers : followers.Prepend(author)).Distinct(StringComparer.Ordinal).ToList();
    }
}
