using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace DigitalAlmaty.Web.Data;

/// <summary>
/// Brings the database to the current schema at start-up. A database that cannot be reached or
/// migrated is reported in one clear log line and makes start-up fail, rather than a server that
/// answers every request with an error.
/// </summary>
public sealed class DatabaseInitializer(
    IDbContextFactory<PortalDbContext> factory, IConfiguration configuration, ILogger<DatabaseInitializer> logger)
{
    public async Task<bool> TryMigrateAsync(CancellationToken cancellationToken = default)
    {
        var provider = DatabaseSetup.ReadProvider(configuration);
        try
        {
            await using var db = await factory.CreateDbContextAsync(cancellationToken);
            if (db.Database.IsSqlite())
            {
                // Write-ahead logging lets readers go on while a writer commits; the mode persists in the file.
                await db.Database.OpenConnectionAsync(cancellationToken);
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;", cancellationToken);
            }

            // Migrate also compares the model with the migrations' snapshot, which builds a second
            // model and diffs the two: about a second and a half of CPU. Only a database that lacks a
            // migration needs it (the history table says so cheaply); PersistenceRoundTripTests keeps
            // the model and the snapshot in step. Nodes starting at once still migrate one at a time
            // (EF Core's migration lock).
            if ((await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any())
            {
                await db.Database.MigrateAsync(cancellationToken);
            }
            logger.LogInformation("Database ready ({Provider}).", provider);
            return true;
        }
        catch (Exception ex) when (ex is DbException or InvalidOperationException or TimeoutException or IOException)
        {
            logger.LogCritical(
                "The portal cannot start: the {Provider} database could not be reached or migrated. " +
                "Check Database:Provider and ConnectionStrings:Portal. Cause: {Cause}",
                provider, ex.GetBaseException().Message);
            return false;
        }
    }
}
