using System.Security.Claims;
using DigitalAlmaty.Domain.Flags;
using DigitalAlmaty.Domain.Submissions;
using DigitalAlmaty.Web.Data;
using DigitalAlmaty.Web.Data.Auditing;
using DigitalAlmaty.Web.Data.Configurations;
using DigitalAlmaty.Web.Features.Accounts;
using DigitalAlmaty.Web.Features.Blocking;
using DigitalAlmaty.Web.Features.Submissions;
using DigitalAlmaty.Web.Realtime;
using Microsoft.EntityFrameworkCore;

namespace DigitalAlmaty.Web.Features.Flags;

/// <summary>
/// Readers' reports on published ideas and events (clauses 4.3.5–4.3.11). A signed-in reader who
/// may write (not blocked, agreement accepted) reports an item once, with a clause and a message;
/// the report reaches the live moderation queue after the commit. Moderators hide the item (which
/// resolves its reports, see <see cref="ResolveOpenOnHide"/>) or dismiss the reports (audited; the
/// readers are not notified).
/// </summary>
public sealed class FlagService(
    IDbContextFactory<PortalDbContext> databases,
    TimeProvider clock,
    PortalEventFeed feed,
    WriteGate gate,
    Accounts.ActingUser acting,
    ILogger<FlagService> logger)
{

    /// <summary>The published item a reader wants to report, or null when there is none to report.</summary>
    public async Task<FlagTarget?> TargetAsync(ClaimsPrincipal reader, Guid submissionId, SubmissionKind kind)
    {
        var readerId = ActingUser.Id(reader);
        await using var db = await databases.CreateDbContextAsync();
        var discriminator = kind.ToString();
        var item = await db.Submissions.AsNoTracking()
            .Where(s => s.Id == submissionId && s.Status == SubmissionStatus.Published
                && EF.Property<string>(s, SubmissionConfiguration.KindColumn) == discriminator)
            .Select(s => new { s.Id, s.Title, s.AuthorId })
            .SingleOrDefaultAsync();
        if (item is null)
        {
            return null;
        }

        var already = readerId is not null && await db.ContentFlags.AnyAsync(f => f.SubmissionId == submissionId && f.ReporterId == readerId);
        return new FlagTarget(item.Id, kind, item.Title, already, readerId == item.AuthorId);
    }

    /// <summary>Records one reader's report; a second one by the same reader is refused (also under a race, by the unique index).</summary>
    public async Task<FlagResult> ReportAsync(ClaimsPrincipal reader, Guid submissionId, string? clause, string? message)
    {
        var readerId = ActingUser.Id(reader);
        if (readerId is null)
        {
            return FlagResult.Fail(FlagResult.NotAllowed);
        }

        if (await gate.RefusalAsync(readerId) is { } refusal)
        {
            return FlagResult.Fail(FlagResult.Refused, refusal: refusal);
        }

        var errors = FlagRules.Validate(clause, message);
        if (errors.Count > 0)
        {
            return FlagResult.Fail(FlagResult.Invalid, errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.First().Code));
        }

        await using var db = await databases.CreateDbContextAsync();
        var item = await db.Submissions.AsNoTracking()
            .Where(s => s.Id == submissionId)
            .Select(s => new { s.Status, s.AuthorId })
            .SingleOrDefaultAsync();
        if (item is null || item.Status != SubmissionStatus.Published)
        {
            return FlagResult.Fail(FlagResult.NotFound);
        }

        if (item.AuthorId == readerId)
        {
            return FlagResult.Fail(FlagResult.OwnItem);
        }

        if (await db.ContentFlags.AnyAsync(f => f.SubmissionId == submissionId && f.ReporterId == readerId))
        {
            return FlagResult.Fail(FlagResult.AlreadyReported);
        }

        db.ContentFlags.Add(new ContentFlag
        {
            SubmissionId = submissionId,
            ReporterId = readerId,
            Clause = clause!.Trim(),
            Message = message!.Trim(),
            CreatedAt = clock.GetUtcNow(),
        });
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException ex)
        {
            // The unique (item, reader) index: a second post of the same report arrived at the same time.
            logger.LogInformation(ex, "A second report by {Reader} on {Id} was refused by the database.", readerId, submissionId);
            return FlagResult.Fail(FlagResult.AlreadyReported);
        }

        feed.Publish(new FlagsChanged(submissionId));
        return FlagResult.Ok();
    }

    /// <summary>A moderator leaves the item published and closes its open reports. Audited; nobody is notified.</summary>
    public async Task<FlagResult> DismissAsync(ClaimsPrincipal moderator, Guid submissionId, string? message)
    {
        if (await acting.ModeratorAsync(moderator) is not { Id: var moderatorId })
        {
            return FlagResult.Fail(FlagResult.NotAllowed);
        }

        await using var db = await databases.CreateDbContextAsync();
        var item = await db.Submissions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == submissionId);
        if (item is null)
        {
            return FlagResult.Fail(FlagResult.NotFound);
        }

        var open = await db.ContentFlags.Where(f => f.SubmissionId == submissionId && f.ResolvedAt == null).ToListAsync();
        if (open.Count == 0)
        {
            return FlagResult.Fail(FlagResult.NothingOpen);
        }

        var now = clock.GetUtcNow();
        foreach (var flag in open)
        {
            flag.ResolvedAt = now;
            flag.ResolvedBy = moderatorId;
            flag.Resolution = FlagResolution.Dismissed;
        }

        var text = string.IsNullOrWhiteSpace(message) ? null : message.Trim();
        Audit.Record(db, now, moderatorId, FlagsDismissalAudit.Dismissed, new AuditSubject(item.Kind.ToString(), item.Id.ToString()),
            new FlagsDismissalAudit([.. open.Select(f => f.Clause).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)], open.Count, text),
            before: item.Status.ToString(), after: item.Status.ToString());
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            return FlagResult.Fail(FlagResult.NothingOpen);
        }

        feed.Publish(new FlagsChanged(submissionId));
        return FlagResult.Ok();
    }

    /// <summary>
    /// Called inside the transaction that hides an item: its open reports are resolved as upheld.
    /// Returns how many were open (the caller publishes <see cref="FlagsChanged"/> after the commit).
    /// </summary>
    public static async Task<int> ResolveOpenOnHide(PortalDbContext db, Guid submissionId, string moderatorId, DateTimeOffset now)
    {
        var open = await db.ContentFlags.Where(f => f.SubmissionId == submissionId && f.ResolvedAt == null).ToListAsync();
        foreach (var flag in open)
        {
            flag.ResolvedAt = now;
            flag.ResolvedBy = moderatorId;
            flag.Resolution = FlagResolution.Hidden;
        }

        return open.Count;
    }
}
