using System.Security.Claims;
using DigitalAlmaty.Domain.Submissions;
using DigitalAlmaty.Web.Data;
using DigitalAlmaty.Web.Features.Accounts;
using DigitalAlmaty.Web.Features.Submissions;
using Microsoft.EntityFrameworkCore;

namespace DigitalAlmaty.Web.Features.Files;

public static class FileEndpoints
{
    private enum Access
    {
        None,
        Private,
        Public,
    }

    /// <summary>
    /// GET /files/{id}. Public: the cover of a published idea, the files of a visible publication.
    /// A claim's attachment: administrators only. Any other file: its owner; moderators and
    /// administrators when it is the cover of an idea that reached moderation (not a draft);
    /// editors and administrators when it belongs to a publication. Everyone else gets 404, as if it
    /// did not exist.
    /// </summary>
    public static IEndpointRouteBuilder MapPortalFiles(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/files/{id:guid}", async (Guid id, HttpContext http, IDbContextFactory<PortalDbContext> databases, FileStore store, TimeProvider clock) =>
        {
            await using var db = await databases.CreateDbContextAsync();
            var file = await db.StoredFiles.AsNoTracking().SingleOrDefaultAsync(f => f.Id == id);
            if (file is null || !File.Exists(store.PathOf(id)))
            {
                return Results.NotFound();
            }

            var isClaimFile = await Claims.ClaimService.IsClaimFileAsync(db, id);
            var access = await AccessAsync(db, file, isClaimFile, http.User, clock.GetUtcNow());
            if (access == Access.None)
            {
                return Results.NotFound();
            }

            http.Response.Headers.CacheControl = access == Access.Public ? "public, max-age=86400" : "private, no-store";
            http.Response.Headers.XContentTypeOptions = "nosniff";
            return isClaimFile
                ? Results.File(store.PathOf(id), file.ContentType, file.OriginalName, enableRangeProcessing: false)
                : Results.File(store.PathOf(id), file.ContentType, enableRangeProcessing: false);
        });
        return endpoints;
    }

    private static async Task<Access> AccessAsync(PortalDbContext db, StoredFile file, bool isClaimFile, ClaimsPrincipal user, DateTimeOffset now)
    {
        var id = file.Id;

        // A claim's attachment (7.1) is for administrators only.
        if (isClaimFile)
        {
            return Claims.ClaimService.IsAdmin(user) ? Access.Private : Access.None;
        }

        if (await db.Ideas.AnyAsync(i => i.CoverImageId == id && i.Status == SubmissionStatus.Published)
            || await Publications.PublicationCatalog.IsPublicFileAsync(db, id, now))
        {
            return Access.Public;
        }

        if (ActingUser.Id(user) is not { } userId)
        {
            return Access.None;
        }

        if (userId == file.OwnerId)
        {
            return Access.Private;
        }

        // Moderators review what was sent to them; an author's draft is nobody else's business.
        if (ActingUser.ClaimsModerator(user)
            && await db.Ideas.AnyAsync(i => i.CoverImageId == id && i.Status != SubmissionStatus.Draft))
        {
            return Access.Private;
        }

        // Editors work on publications, and on nothing else.
        if (Publications.PublicationService.IsStaff(user)
            && await db.Publications.AnyAsync(p => p.CoverImageId == id || p.Attachments.Any(a => a.FileId == id)))
        {
            return Access.Private;
        }

        return Access.None;
    }
}
