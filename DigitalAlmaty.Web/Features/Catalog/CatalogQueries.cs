using DigitalAlmaty.Domain.Submissions;
using DigitalAlmaty.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace DigitalAlmaty.Web.Features.Catalog;

/// <summary>
/// The newest-first list (the most read one) as compiled queries: first page, and a page after a
/// cursor. One set per portal (a singleton), not static: EF Core binds a compiled query to the model
/// it first ran with and refuses any other, so static ones served only the provider that came first
/// when SQLite and PostgreSQL portals share a process (as in a full test run).
/// </summary>
public sealed class CatalogQueries
{
    public Func<PortalDbContext, string?, string?, int, IAsyncEnumerable<IdeaCard>> NewestFirst { get; } = EF.CompileAsyncQuery(
        (PortalDbContext db, string? category, string? pattern, int take) =>
            from i in db.Ideas
                .Where(i => i.Status == SubmissionStatus.Published
                    && (category == null || i.Category == category)
                    && (pattern == null || EF.Functions.Like((string)(object)i.Tags, pattern, PublicCatalog.LikeEscape)))
                .OrderByDescending(i => i.PublishedAt).ThenByDescending(i => i.Id)
                .Take(take)
            join u in db.Users on i.AuthorId equals u.Id into authors
            from u in authors.DefaultIfEmpty()
            orderby i.PublishedAt descending, i.Id descending
            select new IdeaCard(i.Id, i.Title, i.Summary, i.Category, i.PublishedAt!.Value, (u.AnnulledAt == null ? u.DisplayName : null) ?? PublicCatalog.FormerParticipantKey, i.Tags, i.SupportCount, i.CityStatus));

    public Func<PortalDbContext, string?, string?, DateTimeOffset, Guid, int, IAsyncEnumerable<IdeaCard>> NewestAfter { get; } = EF.CompileAsyncQuery(
        (PortalDbContext db, string? category, string? pattern, DateTimeOffset at, Guid id, int take) =>
            from i in db.Ideas
                .Where(i => i.Status == SubmissionStatus.Published
                    && (category == null || i.Category == category)
                    && (pattern == null || EF.Functions.Like((string)(object)i.Tags, pattern, PublicCatalog.LikeEscape)))
                .Where(i => i.PublishedAt <= at && (i.PublishedAt < at || i.Id.CompareTo(id) < 0))
                .OrderByDescending(i => i.PublishedAt).ThenByDescending(i => i.Id)
                .Take(take)
            join u in db.Users on i.AuthorId equals u.Id into authors
            from u in authors.DefaultIfEmpty()
            orderby i.PublishedAt descending, i.Id descending
            select new IdeaCard(i.Id, i.Title, i.Summary, i.Category, i.PublishedAt!.Value, (u.AnnulledAt == null ? u.DisplayName : null) ?? PublicCatalog.FormerParticipantKey, i.Tags, i.SupportCount, i.CityStatus));
}
