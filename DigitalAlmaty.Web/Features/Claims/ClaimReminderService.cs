using DigitalAlmaty.Domain.Accounts;
using DigitalAlmaty.Domain.Claims;
using DigitalAlmaty.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DigitalAlmaty.Web.Features.Claims;

/// <summary>
/// Reminds administrators of open claims 5 days and 1 day before the due date (clause 7.2), each
/// reminder once. The claim records the reminder before any letter goes out, under its concurrency
/// token, so that two nodes checking at the same time never both send it.
/// </summary>
public sealed class ClaimReminderService(
    IDbContextFactory<PortalDbContext> databases,
    TimeProvider clock,
    ClaimMailer mailer,
    ILogger<ClaimReminderService> logger)
{
    /// <summary>Sends the reminders due now; returns how many claims were reminded of.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var today = ClaimDeadlines.FiledOn(now);
        var horizon = today.AddDays(ClaimDeadlines.FirstReminderDaysLeft);
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var candidates = await db.Claims
            .Where(c => c.Status != ClaimStatus.Answered && c.DueOn <= horizon && c.OneDayReminderSentAt == null)
            .OrderBy(c => c.DueOn)
            .ToListAsync(cancellationToken);
        var due = new List<(WrittenClaim Claim, ClaimReminder Reminder)>();
        foreach (var claim in candidates)
        {
            if (claim.ReminderDue(today) is not { } reminder)
            {
                continue;
            }

            claim.MarkReminderSent(reminder, now);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                due.Add((claim, reminder));
            }
            catch (DbUpdateConcurrencyException)
            {
                // Another node (or an administrator's change) got there first; it decides this time.
                db.Entry(claim).State = EntityState.Detached;
            }
        }

        if (due.Count == 0)
        {
            return 0;
        }

        var admins = await (
            from user in db.Users.AsNoTracking()
            join link in db.UserRoles on user.Id equals link.UserId
            join role in db.Roles on link.RoleId equals role.Id
            where role.Name == PortalRoles.Admin && user.Email != null
            select user).ToListAsync(cancellationToken);
        foreach (var (claim, reminder) in due)
        {
            foreach (var admin in admins)
            {
                await mailer.SendReminderAsync(admin, claim, reminder, today);
            }

            logger.LogInformation("Reminder {Reminder} for claim {Number} sent to {Count} administrators.", reminder, claim.Number, admins.Count);
        }

        return due.Count;
    }
}
