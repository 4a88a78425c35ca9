using DigitalAlmaty.Web.Data;
using DigitalAlmaty.Web.Features.Files;
using Microsoft.EntityFrameworkCore;

namespace DigitalAlmaty.Web.Features.Backup;

/// <summary>
/// The operator's backup and restore of a SQLite portal, with the portal's own configuration (the
/// database of <c>ConnectionStrings:Portal</c>, the uploads of <c>Uploads:Directory</c>):
/// <c>dotnet DigitalAlmaty.Web.dll backup FOLDER</c> while the portal runs, and
/// <c>dotnet DigitalAlmaty.Web.dll restore FOLDER [--force]</c> into a stopped one. Neither
/// migrates nor seeds anything. A PostgreSQL portal is backed up with pg_dump (README).
/// </summary>
public static class BackupCommand
{
    private const string Usage = "usage: backup FOLDER | restore FOLDER [--force]";

    public static bool IsRequested(string[] args) => args.Length > 0 && args[0] is "backup" or "restore";

    /// <summary>Runs the command; the process's exit code (0 done, 1 refused, 2 usage).</summary>
    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output)
    {
        var configuration = services.GetRequiredService<IConfiguration>();
        if (DatabaseSetup.ReadProvider(configuration) != DatabaseProvider.Sqlite)
        {
            await output.WriteLineAsync("This portal runs on PostgreSQL: back it up with pg_dump -Fc and the uploads folder (README, \"Backup and restore\").");
            return 2;
        }

        var environment = services.GetRequiredService<IHostEnvironment>();
        var databasePath = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(
            DatabaseSetup.SqliteConnectionString(configuration.GetConnectionString("Portal"), environment.ContentRootPath)).DataSource;
        var uploadsRoot = services.GetRequiredService<FileStore>().Root;
        try
        {
            switch (args)
            {
                case ["backup", var folder]:
                    await SqliteBackup.CreateAsync(databasePath, uploadsRoot, Path.GetFullPath(folder), TimeProvider.System, output);
                    return 0;
                case ["restore", var folder, .. var options] when options is [] or ["--force"]:
                    await using (var db = await services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync())
                    {
                        await SqliteRestore.RunAsync(
                            Path.GetFullPath(folder), databasePath, uploadsRoot, options is ["--force"], db.Database.GetMigrations().ToList(), output);
                    }

                    return 0;
                default:
                    await output.WriteLineAsync(Usage);
                    return 2;
            }
        }
        catch (BackupRefusedException ex)
        {
            await output.WriteLineAsync($"{args[0]} refused: {ex.Message}");
            return 1;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or Microsoft.Data.Sqlite.SqliteException)
        {
            // A disk that is full, a folder the operator may not write, a database file that is not SQLite.
            await output.WriteLineAsync($"{args[0]} failed: {ex.Message}");
            return 1;
        }
    }
}
