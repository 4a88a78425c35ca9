using DigitalAlmaty.Domain.Submissions;
using DigitalAlmaty.Web.Data;
using DigitalAlmaty.Web.Features.Submissions;
using Microsoft.EntityFrameworkCore;

namespace DigitalAlmaty.Web.Features.Files;

public static class FileEndpoints
{
    /// <summary>
    /// GET /files/{id}: a cover of a published item is public; a claim's attachment only for
    /// administrators; any other file only for its owner and moderators. Everyone else gets 404,
    /// as if it did not exist.
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

            // A claim's attachment (7.1) is for administrators only.
            if (await Claims.ClaimService.IsClaimFileAsync(db, id))
            {
                if (!Claims.ClaimService.IsAdmin(http.User))
                {
                    return Results.NotFound();
                }

                http.Response.Headers.CacheControl = "private, no-store";
                http.Response.Headers.XContentTypeOptions = "nosniff";
                return Results.File(store.PathOf(id), file.ContentType, file.OriginalName, enableRangeProcessing: false);
            }

            var isPublic = await db.Ideas.AnyAsync(i => i.CoverImageId == id && i.Status == SubmissionStatus.Published)
                || await Publications.PublicationCatalog.IsPublicFileAsync(db, id, clock.GetUtcNow());
            var user = http.User;
            if (!isPublic && SubmissionService.UserId(user) != file.OwnerId && !SubmissionService.IsModerator(user)
                && !Publications.PublicationService.IsStaff(user))
            {
                return Results.NotFound();
            }

            http.Response.Headers.CacheControl = isPublic ? "public, max-age=86400" : "private, no-store";
            http.Response.Headers.XContentTypeOptions = "nosniff";
            return Results.File(store.PathOf(id), file.ContentType, enableRangeProcessing: false);
        });
        return endpoints;
    }
}
