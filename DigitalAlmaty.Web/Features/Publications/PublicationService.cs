using System.Security.Claims;
using DigitalAlmaty.Domain;
using DigitalAlmaty.Domain.Accounts;
using DigitalAlmaty.Domain.Publications;
using DigitalAlmaty.Domain.Submissions;
using DigitalAlmaty.Web.Data;
using DigitalAlmaty.Web.Features.Files;
using DigitalAlmaty.Web.Realtime;
using Microsoft.EntityFrameworkCore;

namespace DigitalAlmaty.Web.Features.Publications;

/// <summary>
/// Staff authoring of News, Reports and Projects. Every method checks on the server that the caller
/// is an Editor or Admin, whatever the page did; reads throw <see cref="UnauthorizedAccessException"/>,
/// actions answer <see cref="PublicationResult.Forbidden"/>. After each commit a
/// <see cref="PublicationChanged"/> event empties the public page cache on every node.
/// </summary>
public sealed class PublicationService(
    IDbContextFactory<PortalDbContext> databases,
    TimeProvider clock,
    PortalEventFeed feed,
    FileStore files,
    Accounts.ActingUser acting,
    ILogger<PublicationService> logger)
{
    public const string StaffRoles = PortalRoles.Editor + "," + PortalRoles.Admin;

    public static bool IsStaff(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true && (user.IsInRole(PortalRoles.Editor) || user.IsInRole(PortalRoles.Admin));

    public async Task<IReadOnlyList<PublicationRow>> ListAsync(ClaimsPrincipal user)
    {
        await EnsureStaffAsync(user);
        await using var db = await databases.CreateDbContextAsync();
        var rows = await db.Publications.AsNoTracking()
            .OrderByDescending(p => p.UpdatedAt)
            .Select(p => new
            {
                p.Id, p.Kind, p.Status, p.PublishAt, p.UpdatedAt,
                Texts = p.Texts.Select(t => new { t.Language, t.Title }).ToList(),
            })
            .Take(500)
            .AsSplitQuery()
            .ToListAsync();
        return rows.Select(p => new PublicationRow(
            p.Id, p.Kind, p.Status,
            (p.Texts.FirstOrDefault(t => t.Language == PublicationLanguages.Russian) ?? p.Texts.FirstOrDefault())?.Title ?? string.Empty,
            PublicationLanguages.All.Where(l => p.Texts.Any(t => t.Language == l)).ToList(),
            p.PublishAt, p.UpdatedAt)).ToList();
    }

    public async Task<(Publication Item, IReadOnlyList<AttachmentInfo> Attachments)?> FindAsync(ClaimsPrincipal user, Guid id)
    {
        await EnsureStaffAsync(user);
        await using var db = await databases.CreateDbContextAsync();
        var item = await db.Publications.AsNoTracking().AsSplitQuery().SingleOrDefaultAsync(p => p.Id == id);
        return item is null ? null : (item, await PublicationCatalog.AttachmentsAsync(db, item.AttachmentIds));
    }

    public async Task<IReadOnlyList<AttachmentInfo>> FilesAsync(ClaimsPrincipal user, IReadOnlyList<Guid> ids)
    {
        await EnsureStaffAsync(user);
        await using var db = await databases.CreateDbContextAsync();
        return await PublicationCatalog.AttachmentsAsync(db, ids);
    }

    /// <summary>Creates (id null) or edits a publication; <paramref name="knownRevision"/> refuses a stale overwrite.</summary>
    public async Task<PublicationResult> SaveAsync(
        ClaimsPrincipal user, Guid? id, PublicationKind kind, IReadOnlyList<PublicationContent> texts,
        Guid? coverImageId, IReadOnlyList<Guid> attachmentIds, int? knownRevision = null)
    {
        if (await acting.EditorAsync(user) is not { Id: var userId })
        {
            return PublicationResult.Fail(PublicationResult.Forbidden);
        }

        var now = clock.GetUtcNow();
        await using var db = await databases.CreateDbContextAsync();
        if (coverImageId is { } cover && !await db.StoredFiles.AnyAsync(f => f.Id == cover && f.ContentType.StartsWith("image/")))
        {
            return PublicationResult.Fail(PublicationResult.BadCover, [new FieldError("Cover", PublicationResult.BadCover)]);
        }

        var known = await db.StoredFiles.Where(f => attachmentIds.Contains(f.Id)).Select(f => f.Id).ToListAsync();
        var attachments = attachmentIds.Where(known.Contains).ToList();
        return await RunAsync(db, id is null ? null : (id.Value, knownRevision), publication =>
        {
            if (publication is null)
            {
                var created = new Publication(Guid.NewGuid(), kind, userId, now, texts, coverImageId, attachments);
                db.Publications.Add(created);
                return created;
            }

            publication.Edit(userId, now, texts, coverImageId, attachments);
            return publication;
        });
    }

    public Task<PublicationResult> ScheduleAsync(ClaimsPrincipal user, Guid id, DateTimeOffset at, int? knownRevision = null) =>
        MoveAsync(user, id, knownRevision, (p, actor, now) => p.Schedule(actor, at, now));

    public Task<PublicationResult> PublishNowAsync(ClaimsPrincipal user, Guid id, int? knownRevision = null) =>
        MoveAsync(user, id, knownRevision, (p, actor, now) => p.PublishNow(actor, now));

    public Task<PublicationResult> UnpublishAsync(ClaimsPrincipal user, Guid id, int? knownRevision = null) =>
        MoveAsync(user, id, knownRevision, (p, actor, now) => p.Unpublish(actor, now));

    public async Task<UploadResult> UploadCoverAsync(ClaimsPrincipal user, Stream content, string name, CancellationToken cancellationToken = default)
    {
        var actor = await EnsureStaffAsync(user);
        return await files.SaveImageAsync(actor.Id, content, name, perUserQuota: false, cancellationToken);
    }

    public async Task<UploadResult> UploadAttachmentAsync(ClaimsPrincipal user, Stream content, string name, CancellationToken cancellationToken = default)
    {
        var actor = await EnsureStaffAsync(user);
        return await files.SaveAttachmentAsync(actor.Id, content, name, perUserQuota: false, cancellationToken);
    }

    private async Task<PublicationResult> MoveAsync(ClaimsPrincipal user, Guid id, int? knownRevision, Action<Publication, string, DateTimeOffset> move)
    {
        if (await acting.EditorAsync(user) is not { Id: var userId })
        {
            return PublicationResult.Fail(PublicationResult.Forbidden);
        }

        await using var db = await databases.CreateDbContextAsync();
        return await RunAsync(db, (id, knownRevision), publication =>
        {
            move(publication!, userId, clock.GetUtcNow());
            return publication!;
        });
    }

    private async Task<PublicationResult> RunAsync(PortalDbContext db, (Guid Id, int? Revision)? target, Func<Publication?, Publication> change)
    {
        Publication? existing = null;
        if (target is { } t)
        {
            existing = await db.Publications.AsSplitQuery().SingleOrDefaultAsync(p => p.Id == t.Id);
            if (existing is null)
            {
                return PublicationResult.Fail(PublicationResult.NotFound);
            }

            if (t.Revision is { } revision && revision != existing.Revision)
            {
                return PublicationResult.Fail(PublicationResult.Conflict);
            }
        }

        Publication saved;
        try
        {
            saved = change(existing);
            await db.SaveChangesAsync();
        }
        catch (DomainRuleException ex)
        {
            return PublicationResult.Fail(ex.Code, ex.FieldErrors);
        }
        catch (DbUpdateConcurrencyException)
        {
            return PublicationResult.Fail(PublicationResult.Conflict);
        }

        logger.LogInformation("Publication {Id} ({Kind}) is {Status}", saved.Id, saved.Kind, saved.Status);
        feed.Publish(new PublicationChanged(saved.Id, saved.Kind, saved.Status));
        return PublicationResult.Ok(saved);
    }

    private async Task<Accounts.Actor> EnsureStaffAsync(ClaimsPrincipal user) =>
        await acting.EditorAsync(user)
            ?? throw new UnauthorizedAccessException("Only editors and administrators may manage publications.");
}
