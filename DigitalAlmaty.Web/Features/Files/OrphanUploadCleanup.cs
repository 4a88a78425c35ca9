using DigitalAlmaty.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DigitalAlmaty.Web.Features.Files;

/// <summary>
/// Removes uploads nothing refers to (no idea's cover, no publication's cover or attachment, no
/// claim's attachment) once they are <see cref="FileStoreOptions.OrphanHours"/> old: the row and
/// the bytes on disk, and bytes on disk that never got a row. Each row is deleted under the same
/// condition it was found by, so a file that became referenced meanwhile stays, and two nodes
/// running at once only share the work.
/// </summary>
public sealed class OrphanUploadCleanup(
    IDbContextFactory<PortalDbContext> databases,
    FileStore store,
    IOptions<FileStoreOptions> options,
    TimeProvider clock,
    ILogger<OrphanUploadCleanup> logger)
{
    private const int Batch = 500;

    /// <summary>Removes the orphans due now; returns how many files were removed.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken = default)
    {
        var cutoff = clock.GetUtcNow() - TimeSpan.FromHours(options.Value.OrphanHours);
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var removed = 0;
        List<Guid> candidates;
        do
        {
            candidates = await Orphans(db, cutoff).Select(f => f.Id).Take(Batch).ToListAsync(cancellationToken);
            foreach (var id in candidates)
            {
                if (await Orphans(db, cutoff).Where(f => f.Id == id).ExecuteDeleteAsync(cancellationToken) == 1)
                {
                    File.Delete(store.PathOf(id));
                    removed++;
                }
            }
        }
        while (candidates.Count == Batch);

        removed += await RemoveUnrecordedAsync(db, cutoff, cancellationToken);
        if (removed > 0)
        {
            logger.LogInformation("Removed {Count} uploads that nothing refers to.", removed);
        }

        return removed;
    }

    private static IQueryable<StoredFile> Orphans(PortalDbContext db, DateTimeOffset cutoff) =>
        Unreferenced(db).Where(f => f.CreatedAt < cutoff);

    /// <summary>Uploads no idea, publication or claim refers to (the backup also asks this of its copy).</summary>
    internal static IQueryable<StoredFile> Unreferenced(PortalDbContext db) =>
        db.StoredFiles.Where(f => !db.Ideas.Any(i => i.CoverImageId == f.Id)
            && !db.Publications.Any(p => p.CoverImageId == f.Id || p.Attachments.Any(a => a.FileId == f.Id))
            && !db.Claims.Any(c => c.AttachmentId == f.Id));

    /// <summary>Bytes written to disk whose row was never stored (the request failed in between).</summary>
    private async Task<int> RemoveUnrecordedAsync(PortalDbContext db, DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(store.Root))
        {
            return 0;
        }

        var removed = 0;
        foreach (var path in Directory.EnumerateFiles(store.Root))
        {
            if (!Guid.TryParseExact(Path.GetFileName(path), "N", out var id)
                || File.GetLastWriteTimeUtc(path) >= cutoff.UtcDateTime
                || await db.StoredFiles.AnyAsync(f => f.Id == id, cancellationToken))
            {
                continue;
            }

            File.Delete(path);
            removed++;
        }

        return removed;
    }
}
