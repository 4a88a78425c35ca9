using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace DigitalAlmaty.Web.Data;

/// <summary>Registers the portal's database for the configured provider.</summary>
public static class DatabaseSetup
{
    public static DatabaseProvider ReadProvider(IConfiguration configuration)
    {
        var raw = configuration["Database:Provider"];
        if (string.IsNullOrWhiteSpace(raw))
        {
            return DatabaseProvider.Sqlite;
        }

        return Enum.TryParse<DatabaseProvider>(raw, ignoreCase: true, out var provider)
            ? provider
            : throw new InvalidOperationException(
                $"Database:Provider is '{raw}'; use 'Sqlite' (embedded default) or 'Postgres'.");
    }

    public static IServiceCollection AddPortalDatabase(
        this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        // Identity's key columns are part of the model: fix their length here, so every service
        // provider that builds the model (the app, tests, tools) builds the same one.
        services.Configure<Microsoft.AspNetCore.Identity.IdentityOptions>(o => o.Stores.MaxLengthForKeys = 128);
        var connectionString = configuration.GetConnectionString("Portal");
        switch (ReadProvider(configuration))
        {
            case DatabaseProvider.Postgres:
                if (string.IsNullOrWhiteSpace(connectionString))
                {
                    throw new InvalidOperationException(
                        "Database:Provider is Postgres but ConnectionStrings:Portal is empty.");
                }

                Register<PostgresPortalDbContext>(services, o => o.UseNpgsql(
                    connectionString, npgsql => npgsql.UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery)));
                break;
            default:
                var sqlite = SqliteConnectionString(connectionString, environment.ContentRootPath);
                Register<SqlitePortalDbContext>(services, o => o
                    .UseSqlite(sqlite, options => options.UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery))
                    .AddInterceptors(SqlitePragmas.Instance));
                services.AddHostedService(_ => new SqliteHold(sqlite));
                break;
        }

        return services;
    }

    /// <summary>A relative SQLite path is taken from the content root; its folder is created.</summary>
    internal static string SqliteConnectionString(string? configured, string contentRoot)
    {
        var builder = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(
            string.IsNullOrWhiteSpace(configured) ? "Data Source=App_Data/portal.db" : configured);
        if (builder.DataSource != ":memory:" && !Path.IsPathRooted(builder.DataSource))
        {
            builder.DataSource = Path.Combine(contentRoot, builder.DataSource);
        }

        if (builder.DataSource != ":memory:")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(builder.DataSource)!);
        }

        builder.DefaultTimeout = 30;
        builder.Pooling = true;
        return builder.ToString();
    }

    private static void Register<TContext>(IServiceCollection services, Action<DbContextOptionsBuilder> configure)
        where TContext : PortalDbContext
    {
        services.AddPooledDbContextFactory<TContext>(options =>
        {
            configure(options);
            options.ConfigureWarnings(w => w.Throw(RelationalEventId.PendingModelChangesWarning));
        });
        services.AddSingleton<IDbContextFactory<PortalDbContext>>(sp =>
            new PortalDbContextFactory<TContext>(sp.GetRequiredService<IDbContextFactory<TContext>>()));
        services.AddScoped<PortalDbContext>(sp =>
            sp.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContext());
    }

    private sealed class PortalDbContextFactory<TContext>(IDbContextFactory<TContext> inner)
        : IDbContextFactory<PortalDbContext>
        where TContext : PortalDbContext
    {
        public PortalDbContext CreateDbContext() => inner.CreateDbContext();
    }

    /// <summary>
    /// Every SQLite connection waits for a busy writer instead of failing at once, and uses the
    /// synchronous level that is safe with write-ahead logging.
    /// </summary>
    private sealed class SqlitePragmas : DbConnectionInterceptor
    {
        public static readonly SqlitePragmas Instance = new();

        /// <summary>
        /// SQLite's lower() folds ASCII only; the queue's title search needs Cyrillic folded too
        /// (PostgreSQL's lower() already does this).
        /// </summary>
        private static void AddUnicodeLower(DbConnection connection)
        {
            if (connection is Microsoft.Data.Sqlite.SqliteConnection sqlite)
            {
                sqlite.CreateFunction<string?, string?>("lower", value => value?.ToLowerInvariant(), isDeterministic: true);
            }
        }

        private const string Pragmas = "PRAGMA busy_timeout = 10000; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;";

        /// <summary>
        /// Native connections already set up. Pooled connections keep their pragmas, so each native
        /// connection gets them once, not on every open (which costs every request a few statements).
        /// </summary>
        private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<object, object> Prepared = new();

        private static bool NeedsSetup(DbConnection connection) =>
            connection is not Microsoft.Data.Sqlite.SqliteConnection { Handle: { } handle } || !Prepared.TryGetValue(handle, out _);

        private static void MarkSetUp(DbConnection connection)
        {
            if (connection is Microsoft.Data.Sqlite.SqliteConnection { Handle: { } handle })
            {
                Prepared.AddOrUpdate(handle, Pragmas);
            }
        }

        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
        {
            AddUnicodeLower(connection);
            if (!NeedsSetup(connection))
            {
                return;
            }

            using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            command.ExecuteNonQuery();
            MarkSetUp(connection);
        }

        public override async Task ConnectionOpenedAsync(
            DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            AddUnicodeLower(connection);
            if (!NeedsSetup(connection))
            {
                return;
            }

            await using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            await command.ExecuteNonQueryAsync(cancellationToken);
            MarkSetUp(connection);
        }
    }
}
