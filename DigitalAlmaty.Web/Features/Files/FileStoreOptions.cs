namespace DigitalAlmaty.Web.Features.Files;

public sealed class FileStoreOptions
{
    public const string Section = "Uploads";

    /// <summary>Outside the web root; relative paths start at the content root.</summary>
    public string Directory { get; set; } = "App_Data/uploads";

    public long MaxImageBytes { get; set; } = 5 * 1024 * 1024;

    /// <summary>Attachments of staff publications (PDF or image).</summary>
    public long MaxAttachmentBytes { get; set; } = 20 * 1024 * 1024;

    /// <summary>All files a user (not staff, not a claim) keeps at once, in bytes.</summary>
    public long MaxBytesPerUser { get; set; } = 200L * 1024 * 1024;

    /// <summary>Files a user (not staff, not a claim) may upload within any hour.</summary>
    public int MaxUploadsPerUserPerHour { get; set; } = 30;

    /// <summary>An upload nothing refers to is removed once it is this many hours old.</summary>
    public double OrphanHours { get; set; } = 24;

    /// <summary>Minutes between the orphan cleanup's runs (the first an hour after start); 0 turns it off.</summary>
    public double OrphanCheckMinutes { get; set; } = 60;
}
