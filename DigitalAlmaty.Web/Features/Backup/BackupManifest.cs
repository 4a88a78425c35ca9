using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace DigitalAlmaty.Web.Features.Backup;

/// <summary>
/// <c>manifest.json</c>, written last into a backup folder: a folder without it is not a finished
/// backup. It names the moment of the database snapshot, the schema (last migration applied) and
/// every file with its size and SHA-256, so a restore can check what it is given before it touches
/// anything.
/// </summary>
public sealed record BackupManifest
{
    public const string FileName = "manifest.json";
    public const int CurrentFormat = 1;
    public const string DatabaseName = "portal.db";
    public const string UploadsFolder = "uploads";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };

    public int Format { get; init; } = CurrentFormat;

    /// <summary>When the database snapshot was taken (UTC): every commit before it is in the backup.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    public string PortalVersion { get; init; } = string.Empty;

    public string Provider { get; init; } = "Sqlite";

    /// <summary>The last EF Core migration applied to the backed-up database.</summary>
    public string Migration { get; init; } = string.Empty;

    public BackupManifestEntry Database { get; init; } = new(DatabaseName, 0, string.Empty);

    public int FileCount { get; init; }

    public IReadOnlyList<BackupManifestEntry> Files { get; init; } = [];

    /// <summary>Accounts and submissions in the snapshot, for the operator's eye.</summary>
    public int Accounts { get; init; }

    public int Submissions { get; init; }

    public async Task WriteAsync(string folder)
    {
        var temporary = Path.Combine(folder, FileName + ".tmp");
        await File.WriteAllTextAsync(temporary, JsonSerializer.Serialize(this, Json));
        File.Move(temporary, Path.Combine(folder, FileName));
    }

    /// <summary>The manifest of <paramref name="folder"/>; refused when missing, unreadable or of another format.</summary>
    public static async Task<BackupManifest> ReadAsync(string folder)
    {
        var path = Path.Combine(folder, FileName);
        if (!File.Exists(path))
        {
            throw new BackupRefusedException($"{path} does not exist: {folder} is not a finished backup.");
        }

        BackupManifest? manifest;
        try
        {
            manifest = JsonSerializer.Deserialize<BackupManifest>(await File.ReadAllTextAsync(path), Json);
        }
        catch (JsonException ex)
        {
            throw new BackupRefusedException($"{path} cannot be read ({ex.Message}).");
        }

        if (manifest is null || manifest.Format != CurrentFormat || manifest.Files.Count != manifest.FileCount
            || string.IsNullOrEmpty(manifest.Migration) || string.IsNullOrEmpty(manifest.Database.Sha256))
        {
            throw new BackupRefusedException($"{path} is not a manifest this portal understands (format {CurrentFormat}).");
        }

        return manifest;
    }

    /// <summary>Size and SHA-256 of a file, named <paramref name="name"/> in the manifest.</summary>
    public static async Task<BackupManifestEntry> DescribeAsync(string path, string name)
    {
        await using var stream = File.OpenRead(path);
        var hash = await SHA256.HashDataAsync(stream);
        return new BackupManifestEntry(name, stream.Length, Convert.ToHexStringLower(hash));
    }
}
