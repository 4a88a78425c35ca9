namespace DigitalAlmaty.Web.Data;

/// <summary>
/// An uploaded file (an idea's cover image, later attachments). The bytes live outside the web root
/// under <c>Uploads:Directory</c>; the app serves them after checking who may see them.
/// </summary>
public sealed class StoredFile
{
    public Guid Id { get; set; }

    public string OwnerId { get; set; } = string.Empty;

    public string ContentType { get; set; } = string.Empty;

    public long Length { get; set; }

    public string OriginalName { get; set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; set; }
}
