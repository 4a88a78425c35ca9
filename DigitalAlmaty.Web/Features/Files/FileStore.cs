using DigitalAlmaty.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace DigitalAlmaty.Web.Features.Files;

public sealed class FileStoreOptions
{
    public const string Section = "Uploads";

    /// <summary>Outside the web root; relative paths start at the content root.</summary>
    public string Directory { get; set; } = "App_Data/uploads";

    public long MaxImageBytes { get; set; } = 5 * 1024 * 1024;

    /// <summary>Attachments of staff publications (PDF or image).</summary>
    public long MaxAttachmentBytes { get; set; } = 20 * 1024 * 1024;
}

public enum UploadProblem
{
    None,
    Empty,
    TooLarge,
    NotAnImage,
    NotPdfOrImage,
}

public sealed record UploadResult(Guid? FileId, UploadProblem Problem);

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

    public Task<UploadResult> SaveImageAsync(string ownerId, Stream content, string originalName, CancellationToken cancellationToken = default) =>
        SaveAsync(ownerId, content, originalName, MaxImageBytes, ImageSignature.Detect, UploadProblem.NotAnImage, cancellationToken);

    /// <summary>A PDF or an image, recognised by its first bytes, up to <see cref="MaxAttachmentBytes"/>.</summary>
    public Task<UploadResult> SaveAttachmentAsync(string ownerId, Stream content, string originalName, CancellationToken cancellationToken = default) =>
        SaveAttachmentAsync(ownerId, content, originalName, MaxAttachmentBytes, cancellationToken);

    /// <summary>A PDF or an image, recognised by its first bytes, up to <paramref name="maxBytes"/>.</summary>
    public Task<UploadResult> SaveAttachmentAsync(string ownerId, Stream content, string originalName, long maxBytes, CancellationToken cancellationToken = default) =>
        SaveAsync(ownerId, content, originalName, maxBytes, head => PdfSignature.Detect(head) ?? ImageSignature.Detect(head), UploadProblem.NotPdfOrImage, cancellationToken);

    private delegate string? Detector(ReadOnlySpan<byte> head);

    private async Task<UploadResult> SaveAsync(
        string ownerId, Stream content, string originalName, long maxBytes, Detector detect, UploadProblem wrongType, CancellationToken cancellationToken)
    {
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
}

/// <summary>Recognises the image formats the portal accepts by their magic numbers.</summary>
public static class ImageSignature
{
    public static string? Detect(ReadOnlySpan<byte> head)
    {
        if (head.Length >= 3 && head[0] == 0xFF && head[1] == 0xD8 && head[2] == 0xFF)
        {
            return "image/jpeg";
        }

        if (head.Length >= 8 && head[..8].SequenceEqual(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }))
        {
            return "image/png";
        }

        if (head.Length >= 12 && head[..4].SequenceEqual("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8))
        {
            return "image/webp";
        }

        return null;
    }
}

/// <summary>A PDF starts with "%PDF-".</summary>
public static class PdfSignature
{
    public static string? Detect(ReadOnlySpan<byte> head) =>
        head.Length >= 5 && head[..5].SequenceEqual("%PDF-"u8) ? "application/pdf" : null;
}
