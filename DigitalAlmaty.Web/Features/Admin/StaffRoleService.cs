using System.Security.Claims;
using DigitalAlmaty.Domain.Accounts;
using DigitalAlmaty.Web.Data;
using DigitalAlmaty.Web.Data.Auditing;
using DigitalAlmaty.Web.Features.Accounts;
using DigitalAlmaty.Web.Features.Agreement;
using DigitalAlmaty.Web.Features.Mail;
using DigitalAlmaty.Web.Features.Notifications;
using DigitalAlmaty.Web.Realtime;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace DigitalAlmaty.Web.Features.Admin;

/// <summary>
/// Appoints and removes staff (Moderator, Editor, Admin). An administrator acts, re-checked at the
/// moment of the change; never on their own Admin role; the last administrator stays. Each change is
/// audited with its reason, rotates the user's security stamp and ends their sessions and open
/// circuits on every node (so a removed moderator's open queue closes at once), and the user is told
/// by bell and letter.
/// </summary>
public sealed class StaffRoleService(
    IDbContextFactory<PortalDbContext> databases,
    IServiceScopeFactory scopes,
    ActingUser acting,
    SessionRevocations revocations,
    PortalEventFeed feed,
    PublicLinks links,
    TimeProvider clock,
    ILogger<StaffRoleService> logger)
{
    public const int ReasonMaxLength = 500;
    public const string Granted = "User.RoleGranted";
    public const string Revoked = "User.RoleRevoked";
    public const string NotYourOwnAdmin = "Roles.NotYourOwnAdmin";
    public const string LastAdmin = "Roles.LastAdmin";
    public const string NoChange = "Roles.NoChange";


    /// <summary>The staff roles <paramref name="userId"/> holds now; empty for non-administrators.</summary>
    public async Task<IReadOnlySet<string>> RolesOfAsync(ClaimsPrincipal admin, string userId)
    {
        if (await acting.AdminAsync(admin) is null)
        {
            return new HashSet<string>();
        }

        await using var db = await databases.CreateDbContextAsync();
        return await ActingUser.RolesAsync(db, userId);
    }

    /// <summary>An administrator grants (<paramref name="grant"/>) or revokes <paramref name="role"/>, giving a reason.</summary>
    public async Task<GovernanceResult> ChangeAsync(ClaimsPrincipal admin, string userId, string role, bool grant, string? reason)
    {
        if (await acting.AdminAsync(admin) is not { Id: var adminId })
        {
            return GovernanceResult.Fail(GovernanceResult.NotAllowed);
        }

        var trimmed = (reason ?? string.Empty).Trim();
        if (trimmed.Length == 0 || trimmed.Length > ReasonMaxLength)
        {
            return GovernanceResult.Fail(GovernanceResult.Invalid, new Dictionary<string, string>
            {
                ["Reason"] = trimmed.Length == 0 ? "Validation.Required" : "Validation.SummaryTooLong",
            });
        }

        if (!grant && role == PortalRoles.Admin && userId == adminId)
        {
            return GovernanceResult.Fail(NotYourOwnAdmin);
        }

        return await ApplyAsync(adminId, userId, role, grant, trimmed);
    }

    /// <summary>
    /// The change itself, for an administrator (<paramref name="actorId"/>) or for the operator's
    /// command line (<paramref name="actorId"/> null: whoever runs the server's binary already holds the database).
    /// </summary>
    public async Task<GovernanceResult> ApplyAsync(string? actorId, string userId, string role, bool grant, string reason)
    {
        if (!PortalRoles.All.Contains(role))
        {
            return GovernanceResult.Fail(GovernanceResult.Invalid, new Dictionary<string, string> { ["Role"] = "Validation.Required" });
        }

        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = await users.FindByIdAsync(userId);
        if (user is null || user.AnnulledAt is not null)
        {
            return GovernanceResult.Fail(GovernanceResult.NotFound);
        }

        if (await users.IsInRoleAsync(user, role) == grant)
        {
            return GovernanceResult.Fail(NoChange);
        }

        if (!grant && role == PortalRoles.Admin && (await users.GetUsersInRoleAsync(PortalRoles.Admin)).Count(a => a.AnnulledAt is null) <= 1)
        {
            return GovernanceResult.Fail(LastAdmin);
        }

        var changed = grant ? await users.AddToRoleAsync(user, role) : await users.RemoveFromRoleAsync(user, role);
        // Identity leaves the stamp as it was on a role change: rotating it ends every session that still carries the old roles.
        if (!changed.Succeeded || !(await users.UpdateSecurityStampAsync(user)).Succeeded)
        {
            return GovernanceResult.Fail("Governance.Conflict");
        }

        var now = clock.GetUtcNow();
        var notification = new Notification
        {
            Id = Guid.NewGuid(),
            UserId = user.Id,
            CreatedAt = now,
            Topic = Notification.StaffTopic(role, grant),
            Message = reason,
        };
        await using (var db = await databases.CreateDbContextAsync())
        {
            db.Notifications.Add(notification);
            Audit.Record(db, now, actorId ?? "operator", grant ? StaffRoleAudit.Granted : StaffRoleAudit.Revoked, AuditSubject.User(user.Id),
                new StaffRoleAudit(role, reason), before: grant ? "-" : role, after: grant ? role : "-");
            await db.SaveChangesAsync();
        }

        revocations.End(user.Id, now);
        feed.Publish(new SessionsEnded(user.Id, now));
        feed.Publish(new NotificationCreated(user.Id, notification.Id));
        await MailAsync(scope.ServiceProvider, user, notification);
        return GovernanceResult.Ok();
    }

    private async Task MailAsync(IServiceProvider services, PortalUser user, Notification notification)
    {
        if (string.IsNullOrEmpty(user.Email))
        {
            return;
        }

        try
        {
            using var _ = Inactivity.MailCulture.Use(user.PreferredCulture);
            var text = services.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<Resources.NotificationText>>();
            var link = links.To("/" + NotificationTexts.Link(notification).Split('?')[0], [new("culture", System.Globalization.CultureInfo.CurrentUICulture.Name)]);
            await services.GetRequiredService<AccountMailer>()
                .SendStaffRoleChangedAsync(user.Email, user.DisplayName, NotificationTexts.Headline(text, notification), link);
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Could not e-mail user {UserId} about a change of their roles.", user.Id);
        }
    }
}
