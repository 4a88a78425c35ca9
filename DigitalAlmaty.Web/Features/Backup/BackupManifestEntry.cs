namespace DigitalAlmaty.Web.Features.Backup;

/// <summary>One file of a backup: its path inside the backup folder, its size and its SHA-256 (hex).</summary>
public sealed record BackupManifestEntry(string Name, long Length, string Sha256);
