using DigitalAlmaty.Domain.Accounts;
using DigitalAlmaty.Web.Data;
using DigitalAlmaty.Web.Data.Auditing;
using DigitalAlmaty.Web.Features.Accounts;
using DigitalAlmaty.Web.Features.Inactivity;
using DigitalAlmaty.Web.Features.Mail;
using DigitalAlmaty.Web.Realtime;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DigitalAlmaty.Web.Features.Security;

/// <summary>
/// The account's own security (clauses 4.3.2, 4.3.3): a journal of sign-ins its owner can read, and
/// the "report unauthorised access" action, which ends every session at once, requires a new
/// password, and alerts the administrators in the bell and by e-mail.
/// </summary>
public sealed class AccountSecurity(
    IDbContextFactory<PortalDbContext> databases,
    UserManager<PortalUser> users,
    TimeProvider clock,
    PortalEventFeed feed,
    SessionRevocations revocations,
    AccountMailer mailer,
    IServiceScopeFactory scopes,
    IOptions<PortalLinkOptions> links,
    ILogger<AccountSecurity> logger)
{
    /// <summary>How many sign-ins the security page lists.</summary>
    public const int RecentCount = 20;

    /// <summary>Sign-ins older than this are deleted as new ones arrive.</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromDays(180);

    public const string ByPassword = "password";
    public const string ByAuthenticator = "authenticator";
    public const string ByRecoveryCode = "recovery-code";


    public async Task RecordSignInAsync(string userId, HttpContext http, bool succeeded, string method)
    {
        var now = clock.GetUtcNow();
        var agent = http.Request.Headers.UserAgent.ToString();
        try
        {
            await using var db = await databases.CreateDbContextAsync();
            db.SignIns.Add(new SignInRecord
            {
                UserId = userId,
                At = now,
                IpAddress = http.Connection.RemoteIpAddress?.ToString(),
                UserAgent = agent.Length == 0 ? null : agent[..Math.Min(agent.Length, SignInRecord.UserAgentMaxLength)],
                Succeeded = succeeded,
                Method = method,
            });
            await db.SaveChangesAsync();
            var before = now - Retention;
            await db.SignIns.Where(s => s.UserId == userId && s.At < before).ExecuteDeleteAsync();
        }
        catch (Exception ex) when (ex is DbUpdateException or InvalidOperationException)
        {
            logger.LogWarning(ex, "Could not record a sign-in of user {UserId}.", userId);
        }
    }

    public async Task<IReadOnlyList<SignInLine>> RecentSignInsAsync(string userId)
    {
        await using var db = await databases.CreateDbContextAsync();
        return await db.SignIns.AsNoTracking()
            .Where(s => s.UserId == userId)
            .OrderByDescending(s => s.At).ThenByDescending(s => s.Id)
            .Take(RecentCount)
            .Select(s => new SignInLine(s.At, s.IpAddress, s.UserAgent, s.Succeeded, s.Method))
            .ToListAsync();
    }

    /// <summary>
    /// Clause 4.3.3. The caller signs the current browser out afterwards; <paramref name="resetLink"/> is
    /// the password-reset link mailed to the user.
    /// </summary>
    public async Task<bool> ReportUnauthorisedAccessAsync(PortalUser user, Func<string, string> resetLink)
    {
        var now = clock.GetUtcNow();
        user.PasswordResetRequired = true;
        // The new stamp voids every cookie (and the "remember this browser" of two-factor sign-in).
        var updated = await users.UpdateSecurityStampAsync(user);
        if (!updated.Succeeded)
        {
            return false;
        }

        revocations.End(user.Id, now);
        feed.Publish(new SessionsEnded(user.Id, now));

        var admins = await users.GetUsersInRoleAsync(PortalRoles.Admin);
        var notifications = admins.Where(a => a.AnnulledAt is null).Select(admin => new Notification
        {
            Id = Guid.NewGuid(),
            UserId = admin.Id,
            CreatedAt = now,
            Topic = Notification.AccessReportedTopic,
            Message = user.DisplayName,
        }).ToList();
        await using (var db = await databases.CreateDbContextAsync())
        {
            db.Notifications.AddRange(notifications);
            Audit.Record(db, now, user.Id, UnauthorisedAccessAudit.Reported, AuditSubject.User(user.Id),
                new UnauthorisedAccessAudit(["4.3.3"]), before: "Active", after: "PasswordResetRequired");
            await db.SaveChangesAsync();
        }

        foreach (var notification in notifications)
        {
            feed.Publish(new NotificationCreated(notification.UserId, notification.Id));
        }

        if (!string.IsNullOrEmpty(user.Email))
        {
            var token = await users.GeneratePasswordResetTokenAsync(user);
            await mailer.SendAccessReportedAsync(user.Email, user.DisplayName, resetLink(token));
        }

        await AlertAdministratorsAsync(admins, user.DisplayName, now);
        return true;
    }

    private async Task AlertAdministratorsAsync(IEnumerable<PortalUser> admins, string userName, DateTimeOffset at)
    {
        foreach (var admin in admins.Where(a => a.AnnulledAt is null && !string.IsNullOrEmpty(a.Email)))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                using var _ = MailCulture.Use(admin.PreferredCulture);
                var link = $"{links.Value.PublicBaseUrl.TrimEnd('/')}/admin/users?q={Uri.EscapeDataString(userName)}&culture={System.Globalization.CultureInfo.CurrentUICulture.Name}";
                await scope.ServiceProvider.GetRequiredService<AccountMailer>()
                    .SendAccessReportAlertAsync(admin.Email!, admin.DisplayName, userName, at, link);
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Could not e-mail administrator {AdminId} about a report of unauthorised access.", admin.Id);
            }
        }
    }
}
