using Microsoft.Data.Sqlite;

namespace DigitalAlmaty.Web.Features.Backup;

/// <summary>
/// Restores a backup made by <see cref="SqliteBackup"/> into a stopped portal. Everything is checked
/// before anything is written: the manifest, the schema (a backup from a newer portal is refused),
/// and every file's size and SHA-256. The target must be empty unless <c>--force</c> is given, and
/// even then a database still in use by a running portal is refused. The uploads are put in place
/// first and the database last, by a rename: if the restore stops half-way, no row points to a
/// file that is not there. Uploads already in the target that the backup does not know stay; no
/// row refers to them, and the orphan cleanup removes them in time.
/// </summary>
public static class SqliteRestore
{
    public static async Task<BackupManifest> RunAsync(
        string backup, string databasePath, string uploadsRoot, bool force, IReadOnlyCollection<string> knownMigrations,
        TextWriter output, CancellationToken cancellationToken = default)
    {
        var manifest = await BackupManifest.ReadAsync(backup);
        if (!string.Equals(manifest.Provider, "Sqlite", StringComparison.OrdinalIgnoreCase))
        {
            throw new BackupRefusedException($"The backup holds a {manifest.Provider} database; this command restores SQLite backups.");
        }

        if (!knownMigrations.Contains(manifest.Migration))
        {
            throw new BackupRefusedException(
                $"The backup's schema ({manifest.Migration}) is unknown to this portal; restore it with the portal version that made it ({manifest.PortalVersion}) or a newer one.");
        }

        await VerifyAsync(backup, manifest.Files.Append(manifest.Database), cancellationToken);

        var occupied = TargetContents(databasePath, uploadsRoot);
        if (occupied is not null && !force)
        {
            throw new BackupRefusedException($"The target is not empty ({occupied}); stop the portal and add --force to replace its data.");
        }

        if (File.Exists(databasePath))
        {
            await EnsureNotInUseAsync(databasePath, cancellationToken);
        }

        Directory.CreateDirectory(uploadsRoot);
        foreach (var file in manifest.Files)
        {
            var placed = Path.Combine(uploadsRoot, Path.GetFileName(file.Name));
            File.Copy(Path.Combine(backup, file.Name), placed + ".restoring", overwrite: true);
            File.Move(placed + ".restoring", placed, overwrite: true);
        }

        Directory.CreateDirectory(Path.GetDirectoryName(databasePath)!);
        File.Copy(Path.Combine(backup, manifest.Database.Name), databasePath + ".restoring", overwrite: true);
        // A write-ahead log left beside the old database would be replayed into the restored one.
        foreach (var suffix in new[] { "-wal", "-shm", "-journal" })
        {
            File.Delete(databasePath + suffix);
        }

        File.Move(databasePath + ".restoring", databasePath, overwrite: true);
        await CheckRestoredAsync(databasePath, manifest, cancellationToken);
        await output.WriteLineAsync(
            $"Restored the backup of {manifest.CreatedAt:u} (migration {manifest.Migration}, {manifest.Accounts} accounts, " +
            $"{manifest.Submissions} submissions, {manifest.FileCount} uploads) into {databasePath} and {uploadsRoot}.");
        return manifest;
    }

    private static async Task VerifyAsync(string backup, IEnumerable<BackupManifestEntry> entries, CancellationToken cancellationToken)
    {
        foreach (var entry in entries)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var path = Path.GetFullPath(Path.Combine(backup, entry.Name));
            if (!path.StartsWith(Path.GetFullPath(backup) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                throw new BackupRefusedException($"The manifest names a file outside the backup: {entry.Name}.");
            }

            if (!File.Exists(path))
            {
                throw new BackupRefusedException($"{entry.Name} is listed in the manifest but missing from the backup.");
            }

            var actual = await BackupManifest.DescribeAsync(path, entry.Name);
            if (actual.Length != entry.Length || !string.Equals(actual.Sha256, entry.Sha256, StringComparison.OrdinalIgnoreCase))
            {
                throw new BackupRefusedException($"{entry.Name} differs from the manifest (size or SHA-256): the backup is damaged.");
            }
        }
    }

    /// <summary>What makes the target non-empty, or null.</summary>
    private static string? TargetContents(string databasePath, string uploadsRoot)
    {
        if (File.Exists(databasePath) && new FileInfo(databasePath).Length > 0)
        {
            return databasePath;
        }

        if (File.Exists(databasePath + "-wal"))
        {
            return databasePath + "-wal";
        }

        return Directory.Exists(uploadsRoot) && Directory.EnumerateFiles(uploadsRoot).Any() ? uploadsRoot : null;
    }

    /// <summary>
    /// SQLite leaves write-ahead logging only when no other connection has the database open; a
    /// running portal keeps connections open, so this fails while it runs.
    /// </summary>
    private static async Task EnsureNotInUseAsync(string databasePath, CancellationToken cancellationToken)
    {
        var probe = new SqliteConnectionStringBuilder { DataSource = databasePath, Mode = SqliteOpenMode.ReadWrite, Pooling = false, DefaultTimeout = 1 };
        try
        {
            await using var connection = new SqliteConnection(probe.ToString());
            await connection.OpenAsync(cancellationToken);
            await SqliteBackup.ScalarAsync(connection, "PRAGMA busy_timeout = 0;", cancellationToken);
            var mode = await SqliteBackup.ScalarAsync(connection, "PRAGMA journal_mode = DELETE;", cancellationToken);
            if (!string.Equals(mode, "delete", StringComparison.OrdinalIgnoreCase))
            {
                throw new BackupRefusedException($"{databasePath} is in use (journal mode stays {mode}); stop the portal first.");
            }
        }
        catch (SqliteException ex)
        {
            throw new BackupRefusedException($"{databasePath} is in use or unreadable ({ex.Message}); stop the portal first.");
        }
    }

    private static async Task CheckRestoredAsync(string databasePath, BackupManifest manifest, CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databasePath, Mode = SqliteOpenMode.ReadWrite, Pooling = false }.ToString());
        await connection.OpenAsync(cancellationToken);
        var check = await SqliteBackup.ScalarAsync(connection, "PRAGMA integrity_check;", cancellationToken);
        var migration = await SqliteBackup.ScalarAsync(connection, "SELECT \"MigrationId\" FROM \"__EFMigrationsHistory\" ORDER BY \"MigrationId\" DESC LIMIT 1;", cancellationToken);
        if (check != "ok" || migration != manifest.Migration)
        {
            throw new BackupRefusedException($"The restored database does not check out (integrity: {check}; migration: {migration}).");
        }
    }
}
