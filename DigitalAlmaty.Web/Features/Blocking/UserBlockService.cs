using System.Globalization;
using System.Security.Claims;
using DigitalAlmaty.Domain.Submissions;
using DigitalAlmaty.Web.Data;
using DigitalAlmaty.Web.Data.Auditing;
using DigitalAlmaty.Web.Features.Agreement;
using DigitalAlmaty.Web.Realtime;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace DigitalAlmaty.Web.Features.Blocking;

/// <summary>
/// Blocks and unblocks (clauses 4.1.3, 6.4), Admin only, checked here and audited. A block takes
/// effect at once: the security stamp changes (cookies and open circuits are revalidated) and open
/// editors are told over the event feed.
/// </summary>
public sealed class UserBlockService(
    IDbContextFactory<PortalDbContext> databases,
    UserManager<PortalUser> users,
    TimeProvider clock,
    PortalEventFeed feed,
    Accounts.ActingUser acting,
    IEnumerable<IBlockedUserContent> otherContent)
{
    public const int ReasonMaxLength = 2000;


    /// <summary>Users whose display name or e-mail contains <paramref name="query"/>; for administrators only.</summary>
    public async Task<IReadOnlyList<UserRow>> SearchAsync(ClaimsPrincipal admin, string? query, int take = 50)
    {
        if (await acting.AdminAsync(admin) is null)
        {
            return [];
        }

        await using var db = await databases.CreateDbContextAsync();
        var users = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query))
        {
            // SQLite's lower() folds ASCII only, so Cyrillic is also matched as typed and capitalised.
            var typed = query.Trim();
            var lower = typed.ToLower(CultureInfo.InvariantCulture);
            var capitalised = string.Concat(typed[..1].ToUpper(CultureInfo.InvariantCulture), typed[1..]);
#pragma warning disable CA1304, CA1311, CA1862 // translated to SQL lower(); the culture is irrelevant there
            users = users.Where(u => u.DisplayName.ToLower().Contains(lower) || u.DisplayName.Contains(typed) || u.DisplayName.Contains(capitalised)
                || (u.Email != null && u.Email.ToLower().Contains(lower)));
#pragma warning restore CA1304, CA1311, CA1862
        }

        return await users.OrderBy(u => u.DisplayName).Take(take)
            .Select(u => new UserRow(u.Id, u.DisplayName, u.Email, u.BlockedUntil, u.BlockClause, u.BlockReason))
            .ToListAsync();
    }

    public async Task<IReadOnlyList<UserBlock>> HistoryAsync(ClaimsPrincipal admin, string userId)
    {
        if (await acting.AdminAsync(admin) is null)
        {
            return [];
        }

        await using var db = await databases.CreateDbContextAsync();
        return await db.UserBlocks.AsNoTracking().Where(b => b.UserId == userId).OrderByDescending(b => b.BlockedAt).ToListAsync();
    }

    public async Task<GovernanceResult> BlockAsync(ClaimsPrincipal admin, string userId, BlockRequest request)
    {
        if (await acting.AdminAsync(admin) is not { Id: var adminId })
        {
            return GovernanceResult.Fail(GovernanceResult.NotAllowed);
        }

        var now = clock.GetUtcNow();
        var errors = new Dictionary<string, string>();
        var clause = (request.Clause ?? string.Empty).Trim();
        var message = (request.Message ?? string.Empty).Trim();
        if (clause.Length == 0)
        {
            errors[nameof(BlockRequest.Clause)] = "Validation.Required";
        }

        if (message.Length == 0)
        {
            errors[nameof(BlockRequest.Message)] = "Validation.Required";
        }
        else if (message.Length > ReasonMaxLength)
        {
            errors[nameof(BlockRequest.Message)] = "Validation.SummaryTooLong";
        }

        if (!request.Permanent && request.Until is null)
        {
            errors[nameof(BlockRequest.Until)] = "Validation.Required";
        }
        else if (!request.Permanent && request.Until <= now)
        {
            errors[nameof(BlockRequest.Until)] = "Validation.DateInPast";
        }

        if (request.HidePublished && clause.Length > 0 && !ModerationClauses.IsKnown(clause))
        {
            errors[nameof(BlockRequest.Clause)] = "Block.HideNeedsClause";
        }

        if (adminId == userId)
        {
            errors[nameof(BlockRequest.Message)] = "Block.NotYourself";
        }

        if (errors.Count > 0)
        {
            return GovernanceResult.Fail(GovernanceResult.Invalid, errors);
        }

        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return GovernanceResult.Fail(GovernanceResult.NotFound);
        }

        var until = request.Permanent ? DateTimeOffset.MaxValue : request.Until!.Value.ToUniversalTime();
        var before = user.IsBlockedAt(now) ? "Blocked" : "Active";
        user.BlockedUntil = until;
        user.BlockClause = clause;
        user.BlockReason = message;
        // The new stamp ends every session: cookies fail their next validation, open circuits their next revalidation.
        var updated = await users.UpdateSecurityStampAsync(user);
        if (!updated.Succeeded)
        {
            return GovernanceResult.Fail("Governance.Conflict");
        }

        await using (var db = await databases.CreateDbContextAsync())
        {
            db.UserBlocks.Add(new UserBlock { UserId = userId, BlockedBy = adminId, BlockedAt = now, Until = until, Clause = clause, Reason = message });
            Audit.Record(db, now, adminId, BlockAudit.Blocked, AuditSubject.User(userId),
                new BlockAudit([clause], message, BlockAudit.UntilText(request.Permanent ? null : until), request.HidePublished),
                before: before, after: "Blocked");
            await db.SaveChangesAsync();
        }

        feed.Publish(new UserBlocked(userId, until, clause, message));
        if (request.HidePublished)
        {
            var hidden = await HidePublishedAsync(adminId, userId, clause, message);
            return GovernanceResult.Ok(hidden);
        }

        return GovernanceResult.Ok();
    }

    /// <summary>
    /// Hides every published item of a blocked user, each through the Domain, audited as a moderator's
    /// hide (with <c>block: true</c>) and announced on the feed, which empties the public page cache.
    /// Open readers' reports on them are resolved. A concurrent change to one item is retried.
    /// Returns how many were hidden.
    /// </summary>
    private async Task<int> HidePublishedAsync(string adminId, string userId, string clause, string message)
    {
        var hidden = 0;
        await using var lookup = await databases.CreateDbContextAsync();
        var ids = await lookup.Submissions.AsNoTracking()
            .Where(s => s.AuthorId == userId && s.Status == SubmissionStatus.Published)
            .Select(s => s.Id)
            .ToListAsync();
        foreach (var id in ids)
        {
            for (var attempt = 0; attempt < 3; attempt++)
            {
                await using var db = await databases.CreateDbContextAsync();
                var item = await db.Submissions.SingleOrDefaultAsync(s => s.Id == id);
                if (item is null || item.Status != SubmissionStatus.Published)
                {
                    break;
                }

                var now = clock.GetUtcNow();
                item.Hide(adminId, now, [clause], message);
                var flags = await Flags.FlagService.ResolveOpenOnHide(db, id, adminId, now);
                Audit.Record(db, now, adminId, BlockHideAudit.Hidden, new AuditSubject(item.Kind.ToString(), item.Id.ToString()),
                    new BlockHideAudit([clause], message), before: SubmissionStatus.Published.ToString(), after: item.Status.ToString());
                try
                {
                    await db.SaveChangesAsync();
                }
                catch (DbUpdateConcurrencyException)
                {
                    continue;
                }

                hidden++;
                feed.Publish(new SubmissionChanged(item.Id, item.Kind, item.Status, item.AuthorId));
                if (flags > 0)
                {
                    feed.Publish(new FlagsChanged(item.Id));
                }

                break;
            }
        }

        foreach (var content in otherContent)
        {
            hidden += await content.HideAsync(adminId, userId, clause, message);
        }

        return hidden;
    }

    public async Task<GovernanceResult> UnblockAsync(ClaimsPrincipal admin, string userId)
    {
        if (await acting.AdminAsync(admin) is not { Id: var adminId })
        {
            return GovernanceResult.Fail(GovernanceResult.NotAllowed);
        }

        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return GovernanceResult.Fail(GovernanceResult.NotFound);
        }

        var now = clock.GetUtcNow();
        user.BlockedUntil = null;
        user.BlockClause = null;
        user.BlockReason = null;
        var updated = await users.UpdateAsync(user);
        if (!updated.Succeeded)
        {
            return GovernanceResult.Fail("Governance.Conflict");
        }

        await using var db = await databases.CreateDbContextAsync();
        foreach (var open in await db.UserBlocks.Where(b => b.UserId == userId && b.UnblockedAt == null).ToListAsync())
        {
            open.UnblockedAt = now;
            open.UnblockedBy = adminId;
        }

        Audit.Record(db, now, adminId, UnblockAudit.Unblocked, AuditSubject.User(userId), new UnblockAudit(), before: "Blocked", after: "Active");
        await db.SaveChangesAsync();
        return GovernanceResult.Ok();
    }
}
