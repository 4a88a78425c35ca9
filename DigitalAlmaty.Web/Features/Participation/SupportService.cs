using System.Security.Claims;
using DigitalAlmaty.Domain.Ideas;
using DigitalAlmaty.Domain.Participation;
using DigitalAlmaty.Web.Data;
using DigitalAlmaty.Web.Features.Accounts;
using DigitalAlmaty.Web.Features.Blocking;
using DigitalAlmaty.Web.Realtime;
using Microsoft.EntityFrameworkCore;

namespace DigitalAlmaty.Web.Features.Participation;

/// <summary>
/// Supports of published ideas. A participant with a confirmed e-mail who may write (not blocked,
/// the agreement accepted) supports an idea once and may withdraw. The support row and the idea's
/// count change in one transaction; the key (idea, participant) refuses a second support even when
/// two arrive at once, so the count stays exact. Nobody is shown who supported; the author sees
/// the count by day.
/// </summary>
public sealed class SupportService(
    IDbContextFactory<PortalDbContext> databases, TimeProvider clock, WriteGate gate, PortalEventFeed feed, ILogger<SupportService> logger)
{
    /// <summary>The idea's count and what <paramref name="reader"/> may do; null when the idea is not published.</summary>
    public async Task<SupportState?> StateAsync(ClaimsPrincipal reader, Guid ideaId)
    {
        await using var db = await databases.CreateDbContextAsync();
        var idea = await db.Ideas.AsNoTracking().Where(i => i.Id == ideaId)
            .Select(i => new { i.Status, i.AuthorId, i.SupportCount }).SingleOrDefaultAsync();
        if (idea is null || idea.Status != Domain.Submissions.SubmissionStatus.Published)
        {
            return null;
        }

        if (ActingUser.Id(reader) is not { } userId)
        {
            return new SupportState(idea.SupportCount, false, SupportOutcome.SignInRequired);
        }

        var confirmed = await db.Users.Where(u => u.Id == userId).Select(u => u.EmailConfirmed).SingleOrDefaultAsync();
        var supports = await db.IdeaSupports.AnyAsync(s => s.IdeaId == ideaId && s.UserId == userId);
        return new SupportState(idea.SupportCount, supports, SupportRules.Refusal(idea.Status, idea.AuthorId == userId, confirmed));
    }

    /// <summary>Supports the idea; supporting it again changes nothing and succeeds.</summary>
    public Task<SupportOutcome> SupportAsync(ClaimsPrincipal participant, Guid ideaId) => ChangeAsync(participant, ideaId, support: true);

    /// <summary>Withdraws the participant's support; withdrawing none changes nothing and succeeds.</summary>
    public Task<SupportOutcome> WithdrawAsync(ClaimsPrincipal participant, Guid ideaId) => ChangeAsync(participant, ideaId, support: false);

    /// <summary>For the idea's author only: how many supports arrived on each day (Almaty dates), oldest first.</summary>
    public async Task<IReadOnlyList<(DateOnly Day, int Count)>> ByDayAsync(ClaimsPrincipal author, Guid ideaId)
    {
        if (ActingUser.Id(author) is not { } userId)
        {
            return [];
        }

        await using var db = await databases.CreateDbContextAsync();
        if (!await db.Ideas.AnyAsync(i => i.Id == ideaId && i.AuthorId == userId))
        {
            return [];
        }

        var moments = await db.IdeaSupports.AsNoTracking().Where(s => s.IdeaId == ideaId).Select(s => s.CreatedAt).ToListAsync();
        return moments
            .GroupBy(at => DateOnly.FromDateTime(Domain.Time.AlmatyTime.ToLocal(at)))
            .OrderBy(g => g.Key)
            .Select(g => (g.Key, g.Count()))
            .ToList();
    }

    private async Task<SupportOutcome> ChangeAsync(ClaimsPrincipal participant, Guid ideaId, bool support)
    {
        if (ActingUser.Id(participant) is not { } userId)
        {
            return new SupportOutcome(false, 0, false, SupportOutcome.SignInRequired);
        }

        await using var db = await databases.CreateDbContextAsync();
        var idea = await db.Ideas.AsNoTracking().Where(i => i.Id == ideaId)
            .Select(i => new { i.Status, i.AuthorId, i.SupportCount }).SingleOrDefaultAsync();
        if (idea is null)
        {
            return new SupportOutcome(false, 0, false, SupportOutcome.NotFound);
        }

        // Read now, not from the session: a block or a new agreement since sign-in applies at once.
        if (await gate.RefusalAsync(userId) is { } refusal)
        {
            return new SupportOutcome(false, idea.SupportCount, false, SupportOutcome.Refused, refusal);
        }

        var confirmed = await db.Users.Where(u => u.Id == userId).Select(u => u.EmailConfirmed).SingleOrDefaultAsync();
        if (SupportRules.Refusal(idea.Status, idea.AuthorId == userId, confirmed) is { } rule)
        {
            return new SupportOutcome(false, idea.SupportCount, false, rule);
        }

        var changed = support ? await AddAsync(db, ideaId, userId) : await RemoveAsync(db, ideaId, userId);
        var count = await db.Ideas.AsNoTracking().Where(i => i.Id == ideaId).Select(i => i.SupportCount).SingleAsync();
        if (changed)
        {
            feed.Publish(new SupportsChanged(ideaId, count));
        }

        return new SupportOutcome(true, count, support);
    }

    private async Task<bool> AddAsync(PortalDbContext db, Guid ideaId, string userId)
    {
        if (await db.IdeaSupports.AnyAsync(s => s.IdeaId == ideaId && s.UserId == userId))
        {
            return false;
        }

        await using var transaction = await db.Database.BeginTransactionAsync();
        try
        {
            db.IdeaSupports.Add(new IdeaSupport { IdeaId = ideaId, UserId = userId, CreatedAt = clock.GetUtcNow() });
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException ex)
        {
            // The key (idea, participant): this participant's support is already there, maybe from a second click at the same moment.
            logger.LogDebug(ex, "A second support of {Idea} by {User} was refused by the database.", ideaId, userId);
            await transaction.RollbackAsync();
            return false;
        }

        await db.Ideas.Where(i => i.Id == ideaId).ExecuteUpdateAsync(set => set.SetProperty(i => i.SupportCount, i => i.SupportCount + 1));
        await transaction.CommitAsync();
        return true;
    }

    private static async Task<bool> RemoveAsync(PortalDbContext db, Guid ideaId, string userId)
    {
        await using var transaction = await db.Database.BeginTransactionAsync();
        var removed = await db.IdeaSupports.Where(s => s.IdeaId == ideaId && s.UserId == userId).ExecuteDeleteAsync();
        if (removed == 0)
        {
            return false;
        }

        await db.Ideas.Where(i => i.Id == ideaId).ExecuteUpdateAsync(set => set.SetProperty(i => i.SupportCount, i => i.SupportCount - removed));
        await transaction.CommitAsync();
        return true;
    }
}
