using System.Globalization;
using System.Security.Claims;
using DigitalAlmaty.Domain.Accounts;
using DigitalAlmaty.Domain.Time;
using DigitalAlmaty.Web.Data;
using DigitalAlmaty.Web.Data.Auditing;
using DigitalAlmaty.Web.Features.Mail;
using DigitalAlmaty.Web.Realtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DigitalAlmaty.Web.Features.Inactivity;

/// <summary>
/// Annuls accounts unused for more than six calendar months (clause 4.1.4), after warnings 30 and 7
/// days ahead (<see cref="InactiveAccountRule"/>). Annulment erases the personal data in the account
/// row and its sign-in secrets, ends every session, and keeps the published items, which are then
/// shown under the neutral "former participant". Administrators are never annulled. Safe on several
/// nodes: a warning is claimed by a conditional update before it is mailed, an annulment by the
/// account's concurrency stamp.
/// </summary>
public sealed class AccountAnnulment(
    IDbContextFactory<PortalDbContext> databases,
    TimeProvider clock,
    IServiceScopeFactory scopes,
    IOptions<PortalLinkOptions> links,
    PortalEventFeed feed,
    Accounts.ActingUser acting,
    ILogger<AccountAnnulment> logger)
{
    /// <summary>The actor recorded in the audit log for the scheduled run.</summary>
    public const string SystemActor = "system";

    /// <summary>How far ahead the administrators' list looks.</summary>
    public const int UpcomingDays = 60;


    /// <summary>Accounts to be annulled within <see cref="UpcomingDays"/> days, soonest first; administrators only.</summary>
    public async Task<IReadOnlyList<InactiveAccount>> UpcomingAsync(ClaimsPrincipal admin)
    {
        if (await acting.AdminAsync(admin) is not { } actor)
        {
            return [];
        }

        var today = AlmatyTime.Today(clock.GetUtcNow());
        await using var db = await databases.CreateDbContextAsync();
        var horizon = today.AddDays(UpcomingDays);
        return [.. (await CandidatesAsync(db, today, UpcomingDays))
            .Where(a => a.AnnulOn <= horizon || a.NextStep != InactivityStep.None || a.FirstWarnedAt is not null)
            .OrderBy(a => a.AnnulOn).ThenBy(a => a.LastActivity)];
    }

    /// <summary>The check started by an administrator: <paramref name="preview"/> shows what it would do and changes nothing.</summary>
    public async Task<AnnulmentRun?> RunAsync(ClaimsPrincipal admin, bool preview)
    {
        if (await acting.AdminAsync(admin) is not { } actor)
        {
            return null;
        }

        var adminId = actor.Id;
        var run = await RunCoreAsync(adminId, preview);
        if (!preview)
        {
            await using var db = await databases.CreateDbContextAsync();
            Audit.Record(db, clock.GetUtcNow(), adminId, AnnulmentRunAudit.Run,
                new AuditSubject("Accounts", run.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
                new AnnulmentRunAudit(["4.1.4"], run.FirstWarnings.Count, run.FinalWarnings.Count, run.Annulled.Count));
            await db.SaveChangesAsync();
        }

        return run;
    }

    /// <summary>The daily run of the background job.</summary>
    public Task<AnnulmentRun> RunScheduledAsync(CancellationToken cancellationToken = default) =>
        RunCoreAsync(SystemActor, preview: false, cancellationToken);

    private async Task<AnnulmentRun> RunCoreAsync(string actorId, bool preview, CancellationToken cancellationToken = default)
    {
        var today = AlmatyTime.Today(clock.GetUtcNow());
        List<InactiveAccount> due;
        await using (var db = await databases.CreateDbContextAsync(cancellationToken))
        {
            due = [.. (await CandidatesAsync(db, today, 0)).Where(a => a.NextStep != InactivityStep.None)];
        }

        var first = new List<InactiveAccount>();
        var final = new List<InactiveAccount>();
        var annulled = new List<InactiveAccount>();
        foreach (var account in due)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var list = account.NextStep switch
            {
                InactivityStep.FirstWarning => first,
                InactivityStep.FinalWarning => final,
                _ => annulled,
            };
            var done = preview || account.NextStep switch
            {
                InactivityStep.FirstWarning => await WarnAsync(account, final: false),
                InactivityStep.FinalWarning => await WarnAsync(account, final: true),
                _ => await AnnulAsync(account, actorId),
            };
            if (done)
            {
                list.Add(account);
            }
        }

        if (!preview && first.Count + final.Count + annulled.Count > 0)
        {
            logger.LogInformation(
                "Inactive accounts (4.1.4): {First} first warnings, {Final} final warnings, {Annulled} annulled.",
                first.Count, final.Count, annulled.Count);
        }

        return new AnnulmentRun(preview, today, first, final, annulled);
    }

    /// <summary>
    /// Non-administrator accounts whose six months end within <paramref name="aheadDays"/> days after the
    /// first warning's window opens, evaluated by the rule. Month ends are uneven, so the query keeps a
    /// few days' margin and the rule decides.
    /// </summary>
    private static async Task<List<InactiveAccount>> CandidatesAsync(PortalDbContext db, DateOnly today, int aheadDays)
    {
        var latestDay = today.AddDays(aheadDays + InactiveAccountRule.FirstWarningDays + 3).AddMonths(-InactiveAccountRule.InactiveMonths);
        var before = AlmatyTime.FromLocal(latestDay.AddDays(1).ToDateTime(TimeOnly.MinValue));
        var adminRole = await db.Roles.Where(r => r.Name == PortalRoles.Admin).Select(r => r.Id).FirstOrDefaultAsync();
        var rows = await db.Users.AsNoTracking()
            .Where(u => u.AnnulledAt == null && (u.LastActivityAt ?? u.CreatedAt) < before)
            .Where(u => !db.UserRoles.Any(r => r.UserId == u.Id && r.RoleId == adminRole))
            .Select(u => new { u.Id, u.DisplayName, u.Email, u.LastActivityAt, u.CreatedAt, u.InactivityFirstWarnedAt, u.InactivityFinalWarnedAt })
            .ToListAsync();
        return [.. rows.Select(u =>
        {
            var last = u.LastActivityAt ?? u.CreatedAt;
            var standing = InactiveAccountRule.Evaluate(
                AlmatyTime.Today(last),
                u.InactivityFirstWarnedAt is { } f ? AlmatyTime.Today(f) : null,
                u.InactivityFinalWarnedAt is { } w ? AlmatyTime.Today(w) : null,
                today);
            return new InactiveAccount(
                u.Id, u.DisplayName, u.Email, last, u.LastActivityAt is null,
                u.InactivityFirstWarnedAt >= last ? u.InactivityFirstWarnedAt : null,
                u.InactivityFinalWarnedAt >= last ? u.InactivityFinalWarnedAt : null,
                standing.AnnulOn, standing.Step);
        })];
    }

    /// <summary>Claims the warning (so it is sent once, whichever node gets there first), then mails it.</summary>
    private async Task<bool> WarnAsync(InactiveAccount account, bool final)
    {
        var now = clock.GetUtcNow();
        var last = account.LastActivity;
        PortalUser? user;
        await using (var db = await databases.CreateDbContextAsync())
        {
            var unchanged = db.Users.Where(u => u.Id == account.UserId && u.AnnulledAt == null && (u.LastActivityAt ?? u.CreatedAt) == last);
            var claimed = final
                ? await unchanged.Where(u => u.InactivityFinalWarnedAt == null || u.InactivityFinalWarnedAt < last)
                    .ExecuteUpdateAsync(set => set.SetProperty(u => u.InactivityFinalWarnedAt, now))
                : await unchanged.Where(u => u.InactivityFirstWarnedAt == null || u.InactivityFirstWarnedAt < last)
                    .ExecuteUpdateAsync(set => set.SetProperty(u => u.InactivityFirstWarnedAt, now));
            if (claimed != 1)
            {
                return false;
            }

            user = await db.Users.AsNoTracking().SingleAsync(u => u.Id == account.UserId);
        }

        if (string.IsNullOrEmpty(user.Email))
        {
            return true;
        }

        try
        {
            await using var scope = scopes.CreateAsyncScope();
            using var _ = MailCulture.Use(user.PreferredCulture);
            var link = $"{links.Value.PublicBaseUrl.TrimEnd('/')}/Identity/Account/Login?culture={CultureInfo.CurrentUICulture.Name}";
            await scope.ServiceProvider.GetRequiredService<AccountMailer>()
                .SendInactivityWarningAsync(user.Email, user.DisplayName, AlmatyTime.Today(last), account.AnnulOn, link);
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Could not e-mail the inactivity warning to user {UserId}.", account.UserId);
        }

        return true;
    }

    private async Task<bool> AnnulAsync(InactiveAccount account, string actorId)
    {
        var now = clock.GetUtcNow();
        await using var db = await databases.CreateDbContextAsync();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == account.UserId && u.AnnulledAt == null);
        if (user is null || (user.LastActivityAt ?? user.CreatedAt) != account.LastActivity)
        {
            return false;
        }

        var adminRole = await db.Roles.Where(r => r.Name == PortalRoles.Admin).Select(r => r.Id).FirstOrDefaultAsync();
        if (await db.UserRoles.AnyAsync(r => r.UserId == user.Id && r.RoleId == adminRole))
        {
            return false;
        }

        Erase(user, now);
        await db.UserLogins.Where(l => l.UserId == user.Id).ExecuteDeleteAsync();
        await db.UserTokens.Where(t => t.UserId == user.Id).ExecuteDeleteAsync();
        await db.UserClaims.Where(c => c.UserId == user.Id).ExecuteDeleteAsync();
        await db.UserRoles.Where(r => r.UserId == user.Id).ExecuteDeleteAsync();
        await db.Notifications.Where(n => n.UserId == user.Id).ExecuteDeleteAsync();
        await db.SignIns.Where(s => s.UserId == user.Id).ExecuteDeleteAsync();
        // Who followed and who supported what is the person's; the ideas' counts stay as the city saw them.
        await db.Follows.Where(f => f.UserId == user.Id).ExecuteDeleteAsync();
        await db.IdeaSupports.Where(s => s.UserId == user.Id).ExecuteDeleteAsync();
        Audit.Record(db, now, actorId, AnnulmentAudit.Annulled, AuditSubject.User(user.Id),
            new AnnulmentAudit(["4.1.4"], account.LastActivity), before: "Active", after: "Annulled");
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            // The account changed meanwhile (a sign-in, an edit): the next run decides again.
            return false;
        }

        await transaction.CommitAsync();
        feed.Publish(new SessionsEnded(user.Id, now));
        feed.Publish(new AccountAnnulled(user.Id));
        return true;
    }

    /// <summary>Everything in the row that identifies the person or lets anyone sign in goes.</summary>
    private static void Erase(PortalUser user, DateTimeOffset now)
    {
        user.AnnulledAt = now;
        user.DisplayName = string.Empty;
        user.UserName = null;
        user.NormalizedUserName = null;
        user.Email = null;
        user.NormalizedEmail = null;
        user.EmailConfirmed = false;
        user.PhoneNumber = null;
        user.PhoneNumberConfirmed = false;
        user.PasswordHash = null;
        user.TwoFactorEnabled = false;
        user.AccessFailedCount = 0;
        user.LockoutEnd = null;
        user.SecurityStamp = Guid.NewGuid().ToString("N");
        user.ConcurrencyStamp = Guid.NewGuid().ToString();
    }
}
