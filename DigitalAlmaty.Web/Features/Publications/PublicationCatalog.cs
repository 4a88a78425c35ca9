using DigitalAlmaty.Domain.Publications;
using DigitalAlmaty.Web.Data;
using DigitalAlmaty.Web.Features.Catalog;
using Microsoft.EntityFrameworkCore;

namespace DigitalAlmaty.Web.Features.Publications;

/// <summary>
/// What readers see of staff publications: only those visible now (published, or scheduled and due),
/// newest first, with keyset paging on (PublishAt, Id). No tracking.
/// </summary>
public sealed class PublicationCatalog(IDbContextFactory<PortalDbContext> databases, TimeProvider clock)
{
    public const int PageSize = 20;

    public async Task<CatalogPage<PublicationCard>> ListAsync(PublicationKind kind, string language, string? cursor, int pageSize = PageSize)
    {
        var now = clock.GetUtcNow();
        await using var db = await databases.CreateDbContextAsync();
        var query = Visible(db.Publications.AsNoTracking(), now).Where(p => p.Kind == kind);
        var after = PublicCatalog.Cursor.Parse(cursor);
        if (after is { } a && a.TryInstant(out var at))
        {
            query = query.Where(p => p.PublishAt <= at && (p.PublishAt < at || p.Id.CompareTo(a.Id) < 0));
        }

        // Titles and summaries only: bodies (up to 50,000 characters per language) stay in the database.
        var rows = await query
            .OrderByDescending(p => p.PublishAt).ThenByDescending(p => p.Id)
            .Select(p => new
            {
                p.Id,
                p.Kind,
                p.PublishAt,
                p.UpdatedAt,
                p.CoverImageId,
                Texts = p.Texts.Select(t => new PublicationContent(t.Language, t.Title, t.Summary, string.Empty)).ToList(),
            })
            .Take(pageSize + 1)
            .AsSplitQuery()
            .ToListAsync();
        var cards = rows.Select(p =>
        {
            var text = p.Texts.FirstOrDefault(t => t.Language == language)
                ?? p.Texts.FirstOrDefault(t => t.Language == PublicationLanguages.Russian) ?? p.Texts[0];
            return new PublicationCard(p.Id, p.Kind, text.Language, text.Title, text.Summary, p.PublishAt ?? p.UpdatedAt, p.CoverImageId);
        }).ToList();
        var next = cards.Count > pageSize ? PublicCatalog.Cursor.Of(cards[pageSize - 1].PublishedAt, cards[pageSize - 1].Id) : null;
        return new CatalogPage<PublicationCard>(cards.Take(pageSize).ToList(), next);
    }

    /// <summary>A visible publication of that kind (of any kind when null: the open API's item), or null.</summary>
    public async Task<(Publication Item, IReadOnlyList<AttachmentInfo> Attachments)?> FindVisibleAsync(PublicationKind? kind, Guid id)
    {
        var now = clock.GetUtcNow();
        await using var db = await databases.CreateDbContextAsync();
        var item = await Visible(db.Publications.AsNoTracking(), now).AsSplitQuery().SingleOrDefaultAsync(p => p.Id == id && (kind == null || p.Kind == kind));
        if (item is null)
        {
            return null;
        }

        return (item, await AttachmentsAsync(db, item.AttachmentIds));
    }

    internal static async Task<IReadOnlyList<AttachmentInfo>> AttachmentsAsync(PortalDbContext db, IReadOnlyList<Guid> ids)
    {
        if (ids.Count == 0)
        {
            return [];
        }

        var files = await db.StoredFiles.AsNoTracking().Where(f => ids.Contains(f.Id))
            .Select(f => new AttachmentInfo(f.Id, f.OriginalName, f.ContentType, f.Length)).ToListAsync();
        return ids.Select(id => files.FirstOrDefault(f => f.Id == id)).OfType<AttachmentInfo>().ToList();
    }

    /// <summary>A file is public when it is the cover or an attachment of a visible publication.</summary>
    public static Task<bool> IsPublicFileAsync(PortalDbContext db, Guid fileId, DateTimeOffset now) =>
        Visible(db.Publications, now).AnyAsync(p => p.CoverImageId == fileId || p.Attachments.Any(a => a.FileId == fileId));

    public static IQueryable<Publication> Visible(IQueryable<Publication> query, DateTimeOffset now) =>
        query.Where(p => p.Status == PublicationStatus.Published || (p.Status == PublicationStatus.Scheduled && p.PublishAt <= now));
}
