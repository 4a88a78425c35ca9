using DigitalAlmaty.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace DigitalAlmaty.Web.Features.Files;

/// <summary>
/// Keeps uploaded images outside the web root. The type is decided by the file's first bytes, not
/// by its name or the browser's claim, so a PDF renamed .png is refused.
/// </summary>
public sealed class FileStore(
    IDbContextFactory<PortalDbContext> databases,
    Microsoft.Extensions.Options.IOptions<FileStoreOptions> options,
    IHostEnvironment environment,
    TimeProvider clock)
{
    public string Root => Path.GetFullPath(options.Value.Directory, environment.ContentRootPath);

    public long MaxImageBytes => options.Value.MaxImageBytes;

    public long MaxAttachmentBytes => options.Value.MaxAttachmentBytes;

    public long MaxBytesPerUser => options.Value.MaxBytesPerUser;

    public Task<UploadResult> SaveImageAsync(string ownerId, Stream content, string originalName, bool perUserQuota, CancellationToken cancellationToken = default) =>
        SaveAsync(ownerId, content, originalName, MaxImageBytes, ImageSignature.Detect, UploadProblem.NotAnImage, perUserQuota, cancellationToken);

    /// <summary>A PDF or an image, recognised by its first bytes, up to <see cref="MaxAttachmentBytes"/>.</summary>
    public Task<UploadResult> SaveAttachmentAsync(string ownerId, Stream content, string originalName, bool perUserQuota, CancellationToken cancellationToken = default) =>
        SaveAttachmentAsync(ownerId, content, originalName, MaxAttachmentBytes, perUserQuota, cancellationToken);

    /// <summary>A PDF or an image, recognised by its first bytes, up to <paramref name="maxBytes"/>.</summary>
    public Task<UploadResult> SaveAttachmentAsync(string ownerId, Stream content, string originalName, long maxBytes, bool perUserQuota, CancellationToken cancellationToken = default) =>
        SaveAsync(ownerId, content, originalName, maxBytes, head => PdfSignature.Detect(head) ?? ImageSignature.Detect(head), UploadProblem.NotPdfOrImage, perUserQuota, cancellationToken);

    private delegate string? Detector(ReadOnlySpan<byte> head);

    /// <param name="perUserQuota">
    /// True for what users upload for themselves (covers of their ideas): their files together stay
    /// under <see cref="FileStoreOptions.MaxBytesPerUser"/> and they upload at most
    /// <see cref="FileStoreOptions.MaxUploadsPerUserPerHour"/> an hour. Staff uploads, claims'
    /// attachments (one shared owner, limited per address) and demo content are not counted.
    /// </param>
    private async Task<UploadResult> SaveAsync(
        string ownerId, Stream content, string originalName, long maxBytes, Detector detect, UploadProblem wrongType, bool perUserQuota, CancellationToken cancellationToken)
    {
        if (perUserQuota && await RecentUploadsAsync(ownerId, cancellationToken) >= options.Value.MaxUploadsPerUserPerHour)
        {
            return new UploadResult(null, UploadProblem.TooManyUploads);
        }

        var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return new UploadResult(null, UploadProblem.TooLarge);
            }

            buffer.Write(chunk, 0, read);
        }

        if (buffer.Length == 0)
        {
            return new UploadResult(null, UploadProblem.Empty);
        }

        if (perUserQuota && await BytesKeptAsync(ownerId, cancellationToken) + buffer.Length > options.Value.MaxBytesPerUser)
        {
            return new UploadResult(null, UploadProblem.QuotaExceeded);
        }

        var contentType = detect(buffer.GetBuffer().AsSpan(0, (int)Math.Min(buffer.Length, 16)));
        if (contentType is null)
        {
            return new UploadResult(null, wrongType);
        }

        var file = new StoredFile
        {
            Id = Guid.NewGuid(),
            OwnerId = ownerId,
            ContentType = contentType,
            Length = buffer.Length,
            OriginalName = UploadFileName.Sanitize(originalName),
            CreatedAt = clock.GetUtcNow(),
        };
        Directory.CreateDirectory(Root);
        await File.WriteAllBytesAsync(PathOf(file.Id), buffer.ToArray(), cancellationToken);
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        db.StoredFiles.Add(file);
        await db.SaveChangesAsync(cancellationToken);
        return new UploadResult(file.Id, UploadProblem.None);
    }

    public string PathOf(Guid id) => Path.Combine(Root, id.ToString("N"));

    private async Task<int> RecentUploadsAsync(string ownerId, CancellationToken cancellationToken)
    {
        var since = clock.GetUtcNow().AddHours(-1);
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        return await db.StoredFiles.CountAsync(f => f.OwnerId == ownerId && f.CreatedAt > since, cancellationToken);
    }

    private async Task<long> BytesKeptAsync(string ownerId, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        return await db.StoredFiles.Where(f => f.OwnerId == ownerId).SumAsync(f => (long?)f.Length, cancellationToken) ?? 0;
    }
}
