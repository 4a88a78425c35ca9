using System.Collections.Concurrent;
using System.Security.Claims;
using DigitalAlmaty.Domain.Time;
using DigitalAlmaty.Web.Data;
using DigitalAlmaty.Web.Data.Auditing;
using Microsoft.EntityFrameworkCore;

namespace DigitalAlmaty.Web.Features.Agreement;

/// <summary>
/// The user agreement's versions (1.4–1.6, 4.1.1): the one in force, the list, publishing (Admin,
/// checked here, audited), and acceptances. Every acceptance is a new row; none is ever replaced.
/// </summary>
public sealed class AgreementService(
    IDbContextFactory<PortalDbContext> databases,
    TimeProvider clock,
    Realtime.PortalEventFeed feed,
    Accounts.ActingUser acting,
    ILogger<AgreementService> logger)
{
    public const int MarkdownMaxLength = 200_000;
    public const int SummaryMaxLength = 2000;


    // Continued use is recorded once: after that, this process no longer asks the database.
    private static readonly ConcurrentDictionary<(string UserId, int VersionId), bool> ContinuedUseSeen = new();
    private static readonly SemaphoreSlim ContinuedUseWrites = new(1, 1);

    /// <summary>The version in force today (Almaty), or null when none has been published.</summary>
    public async Task<AgreementVersion?> CurrentAsync()
    {
        await using var db = await databases.CreateDbContextAsync();
        return await CurrentAsync(db, AlmatyTime.Today(clock.GetUtcNow()));
    }

    public static Task<AgreementVersion?> CurrentAsync(PortalDbContext db, DateOnly today) =>
        db.AgreementVersions.AsNoTracking().Where(v => v.EffectiveFrom <= today).OrderByDescending(v => v.Number).FirstOrDefaultAsync();

    /// <summary>All versions, newest first, including any published with a later effective date.</summary>
    public async Task<IReadOnlyList<AgreementVersion>> ListAsync()
    {
        await using var db = await databases.CreateDbContextAsync();
        return await db.AgreementVersions.AsNoTracking().OrderByDescending(v => v.Number).ToListAsync();
    }

    /// <summary>Every version's number and effective date, to link cited clauses to the version of their moment.</summary>
    public async Task<AgreementInForce> InForceAsync()
    {
        await using var db = await databases.CreateDbContextAsync();
        var versions = await db.AgreementVersions.AsNoTracking().Select(v => new { v.Number, v.EffectiveFrom }).ToListAsync();
        return new AgreementInForce(versions.Select(v => (v.Number, v.EffectiveFrom)));
    }

    /// <summary>Where the text of <paramref name="clause"/> was at <paramref name="at"/>: <c>agreement/versions/{n}#{clause}</c>, or null.</summary>
    public async Task<string?> ClauseLinkAsync(string clause, DateTimeOffset at) => (await InForceAsync()).ClauseLink(clause, at);

    public async Task<AgreementVersion?> FindAsync(int number)
    {
        await using var db = await databases.CreateDbContextAsync();
        return await db.AgreementVersions.AsNoTracking().SingleOrDefaultAsync(v => v.Number == number);
    }

    public async Task<GovernanceResult> PublishAsync(ClaimsPrincipal admin, AgreementDraft draft)
    {
        if (await acting.AdminAsync(admin) is not { Id: var adminId })
        {
            return GovernanceResult.Fail(GovernanceResult.NotAllowed);
        }

        var now = clock.GetUtcNow();
        var today = AlmatyTime.Today(now);
        var errors = new Dictionary<string, string>();
        var markdown = (draft.Markdown ?? string.Empty).Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        var summary = (draft.ChangeSummary ?? string.Empty).Trim();
        if (markdown.Length == 0)
        {
            errors[nameof(AgreementDraft.Markdown)] = "Validation.Required";
        }
        else if (markdown.Length > MarkdownMaxLength)
        {
            errors[nameof(AgreementDraft.Markdown)] = "Validation.TextTooLong";
        }

        if (summary.Length == 0)
        {
            errors[nameof(AgreementDraft.ChangeSummary)] = "Validation.Required";
        }
        else if (summary.Length > SummaryMaxLength)
        {
            errors[nameof(AgreementDraft.ChangeSummary)] = "Validation.SummaryTooLong";
        }

        if (draft.EffectiveFrom is null)
        {
            errors[nameof(AgreementDraft.EffectiveFrom)] = "Validation.Required";
        }
        else if (draft.EffectiveFrom < today)
        {
            errors[nameof(AgreementDraft.EffectiveFrom)] = "Validation.DateInPast";
        }

        if (errors.Count > 0)
        {
            return GovernanceResult.Fail(GovernanceResult.Invalid, errors);
        }

        await using var db = await databases.CreateDbContextAsync();
        var number = (await db.AgreementVersions.MaxAsync(v => (int?)v.Number) ?? 0) + 1;
        var version = new AgreementVersion
        {
            Number = number,
            Markdown = markdown,
            EffectiveFrom = draft.EffectiveFrom!.Value,
            ChangeSummary = summary,
            IsNotable = draft.IsNotable,
            PublishedAt = now,
            PublishedBy = adminId,
        };
        db.AgreementVersions.Add(version);
        Audit.Record(db, now, adminId, AgreementPublicationAudit.Published,
            new AuditSubject("AgreementVersion", number.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new AgreementPublicationAudit(summary, version.EffectiveFrom), after: draft.IsNotable ? "Notable" : "Minor");
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException ex)
        {
            // Two administrators published at the same moment; the unique number refused the second.
            logger.LogInformation(ex, "Agreement version {Number} lost a race.", number);
            return GovernanceResult.Fail("Governance.Conflict");
        }

        // /agreement is cached for anonymous readers on every node: the cache listens to this event.
        feed.Publish(new Realtime.AgreementPublished(number, draft.IsNotable));
        return GovernanceResult.Ok(number);
    }

    /// <summary>The version the user must accept explicitly before writing, or null when none.</summary>
    public async Task<AgreementStanding> StandingAsync(string userId)
    {
        await using var db = await databases.CreateDbContextAsync();
        return await StandingAsync(db, userId, AlmatyTime.Today(clock.GetUtcNow()));
    }

    public static async Task<AgreementStanding> StandingAsync(PortalDbContext db, string userId, DateOnly today)
    {
        var current = await CurrentAsync(db, today);
        if (current is null)
        {
            return new AgreementStanding(null, null, null);
        }

        var ofCurrent = await db.AgreementAcceptances.AsNoTracking()
            .Where(a => a.UserId == userId && a.VersionId == current.Id)
            .OrderBy(a => a.How == AcceptanceHow.Explicit ? 0 : 1).ThenByDescending(a => a.AcceptedAt)
            .FirstOrDefaultAsync();
        var notable = await db.AgreementVersions.AsNoTracking()
            .Where(v => v.IsNotable && v.Number <= current.Number).MaxAsync(v => (int?)v.Number);
        if (notable is null)
        {
            return new AgreementStanding(current, null, ofCurrent);
        }

        var acceptedSince = await (
            from a in db.AgreementAcceptances
            join v in db.AgreementVersions on a.VersionId equals v.Id
            where a.UserId == userId && a.How == AcceptanceHow.Explicit && v.Number >= notable
            select a.Id).AnyAsync();
        return new AgreementStanding(current, acceptedSince ? null : current, ofCurrent);
    }

    public async Task<bool> HasAcceptedCurrentNotableAsync(string userId) => (await StandingAsync(userId)).MustAccept is null;

    /// <summary>The last version the user accepted in any way, for the diff on the acceptance page.</summary>
    public async Task<AgreementVersion?> LastAcceptedAsync(string userId)
    {
        await using var db = await databases.CreateDbContextAsync();
        return await (
            from a in db.AgreementAcceptances
            join v in db.AgreementVersions on a.VersionId equals v.Id
            where a.UserId == userId
            orderby v.Number descending
            select v).AsNoTracking().FirstOrDefaultAsync();
    }

    /// <summary>Records an explicit acceptance of the version in force (registration, the acceptance page).</summary>
    public async Task<bool> AcceptCurrentAsync(string userId)
    {
        await using var db = await databases.CreateDbContextAsync();
        var now = clock.GetUtcNow();
        var current = await CurrentAsync(db, AlmatyTime.Today(now));
        if (current is null)
        {
            return false;
        }

        db.AgreementAcceptances.Add(new AgreementAcceptance { UserId = userId, VersionId = current.Id, AcceptedAt = now, How = AcceptanceHow.Explicit });
        await db.SaveChangesAsync();
        ContinuedUseSeen[(userId, current.Id)] = true;
        return true;
    }

    /// <summary>
    /// Clause 1.5: using the portal after a minor version is published accepts it. Records it once,
    /// on the user's next signed-in request; a notable version is never accepted this way.
    /// </summary>
    public async Task RecordContinuedUseAsync(string userId)
    {
        await using var db = await databases.CreateDbContextAsync();
        var now = clock.GetUtcNow();
        var today = AlmatyTime.Today(now);
        var current = await CurrentAsync(db, today);
        if (current is null || ContinuedUseSeen.ContainsKey((userId, current.Id)))
        {
            return;
        }

        await ContinuedUseWrites.WaitAsync();
        try
        {
            var standing = await StandingAsync(db, userId, today);
            if (standing.MustAccept is not null)
            {
                return;
            }

            if (standing.OfCurrent is null)
            {
                db.AgreementAcceptances.Add(new AgreementAcceptance { UserId = userId, VersionId = current.Id, AcceptedAt = now, How = AcceptanceHow.ContinuedUse });
                await db.SaveChangesAsync();
            }

            ContinuedUseSeen[(userId, current.Id)] = true;
        }
        finally
        {
            ContinuedUseWrites.Release();
        }
    }
}
