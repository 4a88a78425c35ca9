using DigitalAlmaty.Domain.Submissions;
using DigitalAlmaty.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace DigitalAlmaty.Web.Features.PersonalData;

// The sections that exist today. Features added later (claims, sign-ins, …) add their own
// IUserDataSection next to their code and register it in PersonalDataSetup.

/// <summary>The account: names, address, language, roles, a block in force. Never the password hash or security stamps.</summary>
internal sealed class ProfileSection : IUserDataSection
{
    public string Name => "profile";

    public int Order => 0;

    public async Task<object?> ReadAsync(PortalDbContext db, string userId, UserDataAudience audience, CancellationToken cancellationToken)
    {
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.Id == userId, cancellationToken);
        var roles = await (
            from ur in db.UserRoles
            join r in db.Roles on ur.RoleId equals r.Id
            where ur.UserId == userId
            orderby r.Name
            select r.Name).ToListAsync(cancellationToken);
        return new
        {
            user.Id,
            user.DisplayName,
            user.Email,
            user.EmailConfirmed,
            user.PhoneNumber,
            user.PreferredCulture,
            user.CreatedAt,
            user.LastActivityAt,
            user.TwoFactorEnabled,
            Roles = roles,
            Block = user.BlockedUntil is { } until
                ? new { Until = until == DateTimeOffset.MaxValue ? null : (DateTimeOffset?)until, Permanent = until == DateTimeOffset.MaxValue, Clause = user.BlockClause, Reason = user.BlockReason }
                : null,
        };
    }
}

/// <summary>
/// The user's ideas and events with every field, every submitted version and the whole history,
/// including the moderators' decisions on them (who decided is staff data and is left out).
/// </summary>
internal sealed class SubmissionsSection : IUserDataSection
{
    public string Name => "submissions";

    public int Order => 10;

    public async Task<object?> ReadAsync(PortalDbContext db, string userId, UserDataAudience audience, CancellationToken cancellationToken)
    {
        var items = await db.Submissions.AsNoTracking().Where(s => s.AuthorId == userId).OrderBy(s => s.CreatedAt).ToListAsync(cancellationToken);
        return items.Select(s => new
        {
            s.Id,
            Kind = s.Kind.ToString(),
            s.Title,
            Status = s.Status.ToString(),
            s.CreatedAt,
            s.UpdatedAt,
            s.SubmittedAt,
            s.PublishedAt,
            Fields = s.SnapshotFields(),
            Versions = s.Versions.OrderBy(v => v.Number).Select(v => new { v.Number, v.SubmittedAt, v.Fields }),
            History = s.History.OrderBy(h => h.Sequence).Select(h => new
            {
                h.Sequence,
                h.At,
                By = h.ActorId == userId ? "author" : "moderator",
                Action = h.Action.ToString(),
                From = h.From.ToString(),
                To = h.To.ToString(),
                h.Message,
                Clauses = h.ClauseIds,
            }),
        }).ToList();
    }
}

/// <summary>Decisions the user took as a moderator on other people's items.</summary>
internal sealed class DecisionsSection : IUserDataSection
{
    public string Name => "moderationDecisions";

    public int Order => 20;

    public async Task<object?> ReadAsync(PortalDbContext db, string userId, UserDataAudience audience, CancellationToken cancellationToken)
    {
        var items = await db.Submissions.AsNoTracking()
            .Where(s => s.AuthorId != userId && s.History.Any(h => h.ActorId == userId))
            .ToListAsync(cancellationToken);
        return items
            .SelectMany(s => s.History.Where(h => h.ActorId == userId).Select(h => new
            {
                SubmissionId = s.Id,
                Kind = s.Kind.ToString(),
                h.At,
                Action = h.Action.ToString(),
                From = h.From.ToString(),
                To = h.To.ToString(),
                h.Message,
                Clauses = h.ClauseIds,
            }))
            .OrderBy(d => d.At)
            .ToList();
    }
}

/// <summary>Every acceptance of an agreement version.</summary>
internal sealed class AcceptancesSection : IUserDataSection
{
    public string Name => "agreementAcceptances";

    public int Order => 30;

    public async Task<object?> ReadAsync(PortalDbContext db, string userId, UserDataAudience audience, CancellationToken cancellationToken) =>
        await (
            from a in db.AgreementAcceptances.AsNoTracking()
            join v in db.AgreementVersions on a.VersionId equals v.Id
            where a.UserId == userId
            orderby a.AcceptedAt
            select new { Version = v.Number, a.AcceptedAt, How = a.How.ToString() }).ToListAsync(cancellationToken);
}

/// <summary>Blocks of the account, with their reasons (which administrator blocked is staff data and is left out).</summary>
internal sealed class BlocksSection : IUserDataSection
{
    public string Name => "blocks";

    public int Order => 40;

    public async Task<object?> ReadAsync(PortalDbContext db, string userId, UserDataAudience audience, CancellationToken cancellationToken) =>
        (await db.UserBlocks.AsNoTracking().Where(b => b.UserId == userId).ToListAsync(cancellationToken))
            .OrderBy(b => b.BlockedAt)
            .Select(b => new
            {
                b.BlockedAt,
                Until = b.Until == DateTimeOffset.MaxValue ? null : (DateTimeOffset?)b.Until,
                Permanent = b.Until == DateTimeOffset.MaxValue,
                b.Clause,
                b.Reason,
                b.UnblockedAt,
            })
            .ToList();
}

/// <summary>
/// Reports the user sent, and reports others sent about the user's items (without the readers:
/// their identity is their own data).
/// </summary>
internal sealed class FlagsSection : IUserDataSection
{
    public string Name => "flags";

    public int Order => 50;

    public async Task<object?> ReadAsync(PortalDbContext db, string userId, UserDataAudience audience, CancellationToken cancellationToken)
    {
        var sent = (await db.ContentFlags.AsNoTracking().Where(f => f.ReporterId == userId).ToListAsync(cancellationToken))
            .OrderBy(f => f.CreatedAt)
            .Select(f => new { f.SubmissionId, f.Clause, f.Message, f.CreatedAt, Resolution = f.Resolution?.ToString(), f.ResolvedAt })
            .ToList();
        var received = (await (
                from f in db.ContentFlags.AsNoTracking()
                join s in db.Submissions on f.SubmissionId equals s.Id
                where s.AuthorId == userId
                select f).ToListAsync(cancellationToken))
            .OrderBy(f => f.CreatedAt)
            .Select(f => new { f.SubmissionId, f.Clause, f.Message, f.CreatedAt, Resolution = f.Resolution?.ToString(), f.ResolvedAt })
            .ToList();
        return new { Sent = sent, Received = received };
    }
}

/// <summary>The in-app notifications the user received.</summary>
internal sealed class NotificationsSection : IUserDataSection
{
    public string Name => "notifications";

    public int Order => 60;

    public async Task<object?> ReadAsync(PortalDbContext db, string userId, UserDataAudience audience, CancellationToken cancellationToken) =>
        (await db.Notifications.AsNoTracking().Where(n => n.UserId == userId).ToListAsync(cancellationToken))
            .OrderBy(n => n.CreatedAt)
            .Select(n => new { n.CreatedAt, n.SubmissionId, Kind = n.Kind.ToString(), Action = n.Action.ToString(), n.SubmissionTitle, n.Message, n.ReadAt })
            .ToList();
}

/// <summary>
/// Audit entries the user made, and those about the user or the user's items. Another actor is
/// named only as "staff". An administrator's disclosure request (<see cref="UserDataExport.AuditAction"/>)
/// appears only in an administrator's export: telling the subject could defeat an investigation (6.1–6.3).
/// </summary>
internal sealed class AuditSection : IUserDataSection
{
    public string Name => "auditEntries";

    public int Order => 70;

    public async Task<object?> ReadAsync(PortalDbContext db, string userId, UserDataAudience audience, CancellationToken cancellationToken)
    {
        var ids = (await db.Submissions.AsNoTracking().Where(s => s.AuthorId == userId).Select(s => s.Id).ToListAsync(cancellationToken))
            .Select(id => id.ToString()).ToList();
        var entries = db.AuditLog.AsNoTracking().Where(a =>
            a.ActorId == userId
            || (a.SubjectType == "User" && a.SubjectId == userId)
            || ((a.SubjectType == nameof(SubmissionKind.Idea) || a.SubjectType == nameof(SubmissionKind.Event)) && ids.Contains(a.SubjectId)));
        if (audience == UserDataAudience.Self)
        {
            entries = entries.Where(a => a.Action != UserDataExport.AuditAction || a.ActorId == userId);
        }

        return (await entries.ToListAsync(cancellationToken))
            .OrderBy(a => a.At).ThenBy(a => a.Id)
            .Select(a => new
            {
                a.At,
                By = a.ActorId == userId ? "user" : "staff",
                a.Action,
                a.SubjectType,
                a.SubjectId,
                a.Before,
                a.After,
                a.Details,
            })
            .ToList();
    }
}

/// <summary>
/// Written claims the user filed (7.1): signed in, or anonymously with the account's e-mail address.
/// The answer is included; which administrator wrote it is staff data and is left out.
/// </summary>
internal sealed class ClaimsSection : IUserDataSection
{
    public string Name => "claims";

    public int Order => 55;

    public async Task<object?> ReadAsync(PortalDbContext db, string userId, UserDataAudience audience, CancellationToken cancellationToken)
    {
        var email = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.NormalizedEmail).SingleOrDefaultAsync(cancellationToken);
        // ToUpper runs in the database (SQL upper), to meet the normalised address Identity keeps.
#pragma warning disable CA1304, CA1311, CA1862
        var claims = await db.Claims.AsNoTracking()
            .Where(c => c.ClaimantUserId == userId || (email != null && c.ClaimantEmail.ToUpper() == email))
#pragma warning restore CA1304, CA1311, CA1862
            .OrderBy(c => c.FiledAt)
            .ToListAsync(cancellationToken);
        return claims.Select(c => new
        {
            c.Number,
            c.ClaimantName,
            c.ClaimantEmail,
            Topic = c.Topic.ToString(),
            c.Subject,
            c.Text,
            c.GroundsArose,
            c.FiledAt,
            c.DueOn,
            Status = c.Status.ToString(),
            c.Answer,
            c.AnsweredAt,
            HasAttachment = c.AttachmentId is not null,
        }).ToList();
    }
}

/// <summary>Sign-in attempts on the account (4.3.3): time, address, browser, outcome.</summary>
internal sealed class SignInsSection : IUserDataSection
{
    public string Name => "signIns";

    public int Order => 65;

    public async Task<object?> ReadAsync(PortalDbContext db, string userId, UserDataAudience audience, CancellationToken cancellationToken) =>
        await db.SignIns.AsNoTracking()
            .Where(s => s.UserId == userId)
            .OrderByDescending(s => s.Id)
            .Select(s => new { s.At, s.IpAddress, s.UserAgent, s.Succeeded, s.Method })
            .ToListAsync(cancellationToken);
}
