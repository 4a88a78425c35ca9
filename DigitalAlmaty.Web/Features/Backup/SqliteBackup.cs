using System.Diagnostics;
using System.Reflection;
using DigitalAlmaty.Web.Data;
using DigitalAlmaty.Web.Features.Files;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace DigitalAlmaty.Web.Features.Backup;

/// <summary>
/// Backs up a SQLite portal while it runs. The database is copied first, with SQLite's online
/// backup API in one step: one read transaction, so the copy is the database as of one commit, and
/// with write-ahead logging the portal's writers go on meanwhile. The uploads are copied after it,
/// and only those the copy has rows for. That order is what keeps the backup whole: an upload's
/// bytes are written before its row is committed and never change afterwards, so every row in the
/// snapshot already has its file on disk; files uploaded after the snapshot have no row in it and
/// are left out. The one way a file goes away is the orphan cleanup, which deletes the row first;
/// if it removes an unreferenced upload between the snapshot and the copy, that row is dropped
/// from the copy too, as the portal did.
/// </summary>
public static class SqliteBackup
{
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;

    public static async Task<BackupManifest> CreateAsync(
        string databasePath, string uploadsRoot, string target, TimeProvider clock, TextWriter output, CancellationToken cancellationToken = default)
    {
        if (!File.Exists(databasePath))
        {
            throw new BackupRefusedException($"There is no database at {databasePath}.");
        }

        if (Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any())
        {
            throw new BackupRefusedException($"{target} is not empty; give a new folder for each backup.");
        }

        var started = Stopwatch.GetTimestamp();
        Directory.CreateDirectory(Path.Combine(target, BackupManifest.UploadsFolder));
        var copy = Path.Combine(target, BackupManifest.DatabaseName);
        var createdAt = await SnapshotAsync(databasePath, copy, clock, cancellationToken);

        var snapshot = await ReadSnapshotAsync(copy, cancellationToken);
        var files = new List<BackupManifestEntry>();
        var gone = new List<Guid>();
        foreach (var id in snapshot.FileIds)
        {
            var source = Path.Combine(uploadsRoot, id.ToString("N"));
            var name = BackupManifest.UploadsFolder + "/" + id.ToString("N");
            try
            {
                File.Copy(source, Path.Combine(target, name));
            }
            catch (FileNotFoundException)
            {
                gone.Add(id);
                continue;
            }

            files.Add(await BackupManifest.DescribeAsync(Path.Combine(target, name), name));
        }

        if (gone.Count > 0)
        {
            await DropRemovedUploadsAsync(copy, gone, uploadsRoot, cancellationToken);
            await output.WriteLineAsync($"{gone.Count} unreferenced uploads were removed by the portal during the backup; left out.");
        }

        var manifest = new BackupManifest
        {
            CreatedAt = createdAt,
            PortalVersion = typeof(SqliteBackup).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? string.Empty,
            Migration = snapshot.Migration,
            Database = await BackupManifest.DescribeAsync(copy, BackupManifest.DatabaseName),
            FileCount = files.Count,
            Files = files,
            Accounts = snapshot.Accounts,
            Submissions = snapshot.Submissions,
        };
        await manifest.WriteAsync(target);
        await output.WriteLineAsync(
            $"Backup of {databasePath} as of {createdAt:u} written to {target}: migration {manifest.Migration}, " +
            $"{manifest.Accounts} accounts, {manifest.Submissions} submissions, {files.Count} uploads " +
            $"({files.Sum(f => f.Length) + manifest.Database.Length} bytes) in {Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s.");
        return manifest;
    }

    /// <summary>Copies the live database into <paramref name="copy"/> in one read transaction; returns when it began.</summary>
    private static async Task<DateTimeOffset> SnapshotAsync(string databasePath, string copy, TimeProvider clock, CancellationToken cancellationToken)
    {
        var source = new SqliteConnectionStringBuilder { DataSource = databasePath, Mode = SqliteOpenMode.ReadWrite, Pooling = false }.ToString();
        var destination = new SqliteConnectionStringBuilder { DataSource = copy, Pooling = false }.ToString();
        for (var attempt = 1; ; attempt++)
        {
            await using var from = new SqliteConnection(source);
            await using var to = new SqliteConnection(destination);
            await from.OpenAsync(cancellationToken);
            await to.OpenAsync(cancellationToken);
            await ExecuteAsync(from, "PRAGMA busy_timeout = 30000;", cancellationToken);
            var createdAt = clock.GetUtcNow();
            try
            {
                from.BackupDatabase(to);
            }
            catch (SqliteException ex) when (ex.SqliteErrorCode is SqliteBusy or SqliteLocked && attempt < 10)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200 * attempt), cancellationToken);
                continue;
            }

            // The copy is one self-contained file: no write-ahead log beside it.
            await ExecuteAsync(to, "PRAGMA journal_mode = DELETE;", cancellationToken);
            return createdAt;
        }
    }

    private sealed record Snapshot(string Migration, IReadOnlyList<Guid> FileIds, int Accounts, int Submissions);

    private static async Task<Snapshot> ReadSnapshotAsync(string copy, CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = copy, Pooling = false }.ToString());
        await connection.OpenAsync(cancellationToken);
        var check = await ScalarAsync(connection, "PRAGMA integrity_check;", cancellationToken);
        if (check != "ok")
        {
            throw new BackupRefusedException($"The copy of the database failed SQLite's integrity check: {check}");
        }

        var migration = await ScalarAsync(connection, "SELECT \"MigrationId\" FROM \"__EFMigrationsHistory\" ORDER BY \"MigrationId\" DESC LIMIT 1;", cancellationToken)
            ?? throw new BackupRefusedException("The database has no migration applied; start the portal on it once first.");
        var ids = new List<Guid>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT \"Id\" FROM \"StoredFiles\";";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                ids.Add(reader.GetGuid(0));
            }
        }

        var accounts = int.Parse(await ScalarAsync(connection, "SELECT count(*) FROM \"AspNetUsers\";", cancellationToken) ?? "0", System.Globalization.CultureInfo.InvariantCulture);
        var submissions = int.Parse(await ScalarAsync(connection, "SELECT count(*) FROM \"Submissions\";", cancellationToken) ?? "0", System.Globalization.CultureInfo.InvariantCulture);
        return new Snapshot(migration, ids, accounts, submissions);
    }

    /// <summary>
    /// Rows of uploads whose bytes were gone when the files were copied. Only the orphan cleanup
    /// removes bytes, and only of uploads nothing refers to; any other missing file is a fault the
    /// operator must see, so the backup stops.
    /// </summary>
    private static async Task DropRemovedUploadsAsync(string copy, List<Guid> gone, string uploadsRoot, CancellationToken cancellationToken)
    {
        var options = new DbContextOptionsBuilder<SqlitePortalDbContext>()
            .UseSqlite(new SqliteConnectionStringBuilder { DataSource = copy, Pooling = false }.ToString())
            .Options;
        await using var db = new SqlitePortalDbContext(options);
        var removable = await OrphanUploadCleanup.Unreferenced(db).Where(f => gone.Contains(f.Id)).Select(f => f.Id).ToListAsync(cancellationToken);
        var missing = gone.Except(removable).ToList();
        if (missing.Count > 0)
        {
            throw new BackupRefusedException(
                $"{missing.Count} uploads the database refers to are missing from {uploadsRoot} (first: {missing[0]:N}); check Uploads:Directory.");
        }

        await db.StoredFiles.Where(f => gone.Contains(f.Id)).ExecuteDeleteAsync(cancellationToken);
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    internal static async Task<string?> ScalarAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(cancellationToken) is { } value and not DBNull
            ? Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)
            : null;
    }
}
