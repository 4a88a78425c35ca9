using DigitalAlmaty.Tests.Support;
using DigitalAlmaty.Web.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;

namespace DigitalAlmaty.Tests.Web;

/// <summary>
/// The same persistence checks for each provider, with the database registered exactly as the app
/// registers it (<see cref="DatabaseSetup.AddPortalDatabase"/>) and migrated with that provider's
/// own migrations set.
/// </summary>
public abstract class PersistenceRoundTripTests : IAsyncLifetime
{
    private ServiceProvider? services;

    protected abstract Type ExpectedContextType { get; }

    protected abstract IDictionary<string, string?> Settings();

    protected IDbContextFactory<PortalDbContext> Factory =>
        services!.GetRequiredService<IDbContextFactory<PortalDbContext>>();

    public async Task InitializeAsync()
    {
        services = TestDatabases.BuildServices(Settings());
        await using var db = await Factory.CreateDbContextAsync();
        await db.Database.MigrateAsync();
    }

    public virtual async Task DisposeAsync()
    {
        if (services is not null)
        {
            await services.DisposeAsync();
        }
    }

    [Fact]
    public async Task Provider_migrations_apply_and_leave_nothing_pending()
    {
        await using var db = await Factory.CreateDbContextAsync();

        Assert.IsType(ExpectedContextType, db);
        var all = db.Database.GetMigrations().ToList();
        Assert.NotEmpty(all);
        Assert.Equal(all, await db.Database.GetAppliedMigrationsAsync());
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.False(db.Database.HasPendingModelChanges(), "The model has changes that no migration covers.");
    }

    [Fact]
    public async Task User_round_trips_through_a_fresh_context()
    {
        var id = Guid.NewGuid().ToString();
        var createdAt = new DateTimeOffset(2025, 3, 22, 4, 30, 15, 123, TimeSpan.Zero);
        var lastActivityAt = new DateTimeOffset(2025, 11, 1, 18, 5, 0, 457, TimeSpan.Zero);
        await using (var write = await Factory.CreateDbContextAsync())
        {
            write.Users.Add(new PortalUser
            {
                Id = id,
                UserName = $"aliya-{id}",
                NormalizedUserName = $"ALIYA-{id}".ToUpperInvariant(),
                Email = $"aliya-{id}@example.kz",
                NormalizedEmail = $"ALIYA-{id}@EXAMPLE.KZ".ToUpperInvariant(),
                DisplayName = "Әлия Өмірбек",
                PreferredCulture = "kk-KZ",
                CreatedAt = createdAt,
                LastActivityAt = lastActivityAt,
            });
            await write.SaveChangesAsync();
        }

        await using var read = await Factory.CreateDbContextAsync();
        var user = await read.Users.AsNoTracking().SingleAsync(u => u.Id == id);

        Assert.Equal($"aliya-{id}", user.UserName);
        Assert.Equal($"aliya-{id}@example.kz", user.Email);
        Assert.Equal("Әлия Өмірбек", user.DisplayName);
        Assert.Equal("kk-KZ", user.PreferredCulture);
        Assert.Equal(createdAt.UtcDateTime, user.CreatedAt.UtcDateTime);
        Assert.Equal(createdAt, user.CreatedAt);
        Assert.NotNull(user.LastActivityAt);
        Assert.Equal(lastActivityAt.UtcDateTime, user.LastActivityAt.Value.UtcDateTime);
    }

    [Fact]
    public async Task Users_order_and_filter_by_CreatedAt()
    {
        var tag = Guid.NewGuid().ToString("N");
        var earlier = new DateTimeOffset(2024, 12, 31, 23, 59, 59, 0, TimeSpan.Zero);
        var later = earlier.AddSeconds(2);
        await using (var write = await Factory.CreateDbContextAsync())
        {
            // Added out of order, so the result's order comes from the query.
            write.Users.Add(new PortalUser { Id = $"{tag}-b", UserName = $"b-{tag}", DisplayName = "Бауыржан", CreatedAt = later });
            write.Users.Add(new PortalUser { Id = $"{tag}-a", UserName = $"a-{tag}", DisplayName = "Әлия", CreatedAt = earlier });
            await write.SaveChangesAsync();
        }

        await using var read = await Factory.CreateDbContextAsync();
        var ids = new[] { $"{tag}-a", $"{tag}-b" };
        var ordered = await read.Users.Where(u => ids.Contains(u.Id)).OrderBy(u => u.CreatedAt).Select(u => u.Id).ToListAsync();
        var newestFirst = await read.Users.Where(u => ids.Contains(u.Id)).OrderByDescending(u => u.CreatedAt).Select(u => u.Id).ToListAsync();
        var afterEarlier = await read.Users.Where(u => ids.Contains(u.Id) && u.CreatedAt > earlier).Select(u => u.Id).ToListAsync();

        Assert.Equal([$"{tag}-a", $"{tag}-b"], ordered);
        Assert.Equal([$"{tag}-b", $"{tag}-a"], newestFirst);
        Assert.Equal([$"{tag}-b"], afterEarlier);
    }

    private async Task<string> NewAuthorAsync()
    {
        var id = Guid.NewGuid().ToString();
        await using var db = await Factory.CreateDbContextAsync();
        db.Users.Add(new PortalUser { Id = id, UserName = id, Email = $"{id}@example.kz", DisplayName = "Автор", CreatedAt = DateTimeOffset.UtcNow });
        await db.SaveChangesAsync();
        return id;
    }

    [Fact]
    public async Task Idea_with_history_and_versions_round_trips()
    {
        var author = await NewAuthorAsync();
        var now = new DateTimeOffset(2026, 11, 24, 10, 0, 0, TimeSpan.Zero);
        var idea = DigitalAlmaty.Domain.Ideas.Idea.StartDraft(Guid.NewGuid(), author, now);
        idea.Edit(author, Domain.SubmissionBuilder.ValidIdea with { Tags = ["Ашық деректер", "API"] }, now);
        await using (var write = await Factory.CreateDbContextAsync())
        {
            write.Ideas.Add(idea);
            await write.SaveChangesAsync();
        }

        await using (var step = await Factory.CreateDbContextAsync())
        {
            var tracked = await step.Ideas.SingleAsync(i => i.Id == idea.Id);
            tracked.Submit(author, now.AddMinutes(5));
            tracked.RequestInformation("moderator", now.AddMinutes(10), "Уточните сроки.");
            await step.SaveChangesAsync();
        }

        await using var read = await Factory.CreateDbContextAsync();
        var loaded = await read.Ideas.SingleAsync(i => i.Id == idea.Id);
        Assert.Equal(DigitalAlmaty.Domain.Submissions.SubmissionStatus.InformationRequested, loaded.Status);
        Assert.Equal(["Ашық деректер", "API"], loaded.Tags);
        Assert.Equal(Domain.SubmissionBuilder.ValidIdea.CityBenefit, loaded.CityBenefit);
        Assert.Equal(3, loaded.History.Count);
        Assert.Equal("Уточните сроки.", loaded.History.OrderBy(h => h.Sequence).Last().Message);
        Assert.Equal(Domain.SubmissionBuilder.ValidIdea.Goal, Assert.Single(loaded.Versions).Fields["Goal"]);
        Assert.Equal(now.AddMinutes(5), loaded.SubmittedAt);
        Assert.Equal("Уточните сроки.", loaded.LatestModeratorMessage);
    }

    [Fact]
    public async Task Event_times_round_trip_as_utc_instants()
    {
        var author = await NewAuthorAsync();
        var now = DateTimeOffset.UtcNow;
        var cityEvent = DigitalAlmaty.Domain.Events.CityEvent.StartDraft(Guid.NewGuid(), author, now);
        var startsAt = new DateTimeOffset(2027, 1, 15, 10, 0, 0, TimeSpan.FromHours(5));
        cityEvent.Edit(author, Domain.SubmissionBuilder.ValidEvent with { StartsAt = startsAt, EndsAt = startsAt.AddHours(2) }, now);
        await using (var write = await Factory.CreateDbContextAsync())
        {
            write.Events.Add(cityEvent);
            await write.SaveChangesAsync();
        }

        await using var read = await Factory.CreateDbContextAsync();
        var loaded = await read.Events.SingleAsync(e => e.Id == cityEvent.Id);
        Assert.Equal(new DateTimeOffset(2027, 1, 15, 5, 0, 0, TimeSpan.Zero), loaded.StartsAt);
        Assert.Equal(Domain.SubmissionBuilder.ValidEvent.Languages, loaded.Languages);
        Assert.Equal(DigitalAlmaty.Domain.Events.EventFormat.Hybrid, loaded.Format);
        Assert.Contains(loaded.Id, await read.Submissions.Where(s => s.Title == cityEvent.Title).Select(s => s.Id).ToListAsync());
    }

    [Fact]
    public async Task Two_moderators_deciding_at_once_record_exactly_one_decision()
    {
        var author = await NewAuthorAsync();
        var now = DateTimeOffset.UtcNow;
        var idea = DigitalAlmaty.Domain.Ideas.Idea.StartDraft(Guid.NewGuid(), author, now);
        idea.Edit(author, Domain.SubmissionBuilder.ValidIdea, now);
        idea.Submit(author, now);
        await using (var write = await Factory.CreateDbContextAsync())
        {
            write.Ideas.Add(idea);
            await write.SaveChangesAsync();
        }

        await using var first = await Factory.CreateDbContextAsync();
        await using var second = await Factory.CreateDbContextAsync();
        var seenByFirst = await first.Ideas.SingleAsync(i => i.Id == idea.Id);
        var seenBySecond = await second.Ideas.SingleAsync(i => i.Id == idea.Id);

        seenByFirst.Approve("moderator-a", now.AddMinutes(1));
        await first.SaveChangesAsync();
        seenBySecond.Reject("moderator-b", now.AddMinutes(1), [DigitalAlmaty.Domain.Submissions.ModerationClauses.Misleading], "нет");

        // The loser's write fails as a whole: its revision check or its history row collides.
        await Assert.ThrowsAnyAsync<DbUpdateException>(() => second.SaveChangesAsync());
        await using var read = await Factory.CreateDbContextAsync();
        var stored = await read.Ideas.SingleAsync(i => i.Id == idea.Id);
        Assert.Equal(DigitalAlmaty.Domain.Submissions.SubmissionStatus.Published, stored.Status);
        Assert.Equal("moderator-a", stored.History.OrderBy(h => h.Sequence).Last().ActorId);
        Assert.DoesNotContain(stored.History, h => h.ActorId == "moderator-b");
    }
}

public sealed class SqlitePersistenceRoundTripTests : PersistenceRoundTripTests
{
    private readonly string directory = TestDatabases.NewTempDirectory();

    protected override Type ExpectedContextType => typeof(SqlitePortalDbContext);

    protected override IDictionary<string, string?> Settings() => new Dictionary<string, string?>
    {
        ["Database:Provider"] = "Sqlite",
        ["ConnectionStrings:Portal"] = $"Data Source={Path.Combine(directory, "portal.db")}",
    };

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        TestDatabases.DeleteSqliteDirectory(directory);
    }
}

public sealed class PostgresPersistenceRoundTripTests(PostgresDatabase database)
    : PersistenceRoundTripTests, IClassFixture<PostgresDatabase>
{
    protected override Type ExpectedContextType => typeof(PostgresPortalDbContext);

    protected override IDictionary<string, string?> Settings() => new Dictionary<string, string?>
    {
        ["Database:Provider"] = "Postgres",
        ["ConnectionStrings:Portal"] = database.ConnectionString,
    };
}

public sealed class DatabaseInitializerTests
{
    [Fact]
    public async Task TryMigrateAsync_returns_false_for_an_unreachable_postgres()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Postgres",
            ["ConnectionStrings:Portal"] = "Host=127.0.0.1;Port=1;Database=nowhere;Username=nobody;Password=x;Timeout=3",
        };
        await using var services = TestDatabases.BuildServices(settings);

        var ok = await TestDatabases.Initializer(services).TryMigrateAsync().WaitAsync(TimeSpan.FromSeconds(60));

        Assert.False(ok);
    }

    [Fact]
    public async Task TryMigrateAsync_migrates_a_sqlite_file_and_turns_on_wal()
    {
        var directory = TestDatabases.NewTempDirectory();
        try
        {
            var file = Path.Combine(directory, "data", "portal.db");
            var settings = new Dictionary<string, string?>
            {
                ["Database:Provider"] = "Sqlite",
                ["ConnectionStrings:Portal"] = $"Data Source={file}",
            };
            await using (var services = TestDatabases.BuildServices(settings))
            {
                Assert.True(await TestDatabases.Initializer(services).TryMigrateAsync());
                await using var db = await services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
                Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            }

            await using var connection = new SqliteConnection($"Data Source={file};Pooling=False");
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA journal_mode;";
            Assert.Equal("wal", (string?)await command.ExecuteScalarAsync());
        }
        finally
        {
            TestDatabases.DeleteSqliteDirectory(directory);
        }
    }
}

internal static class TestDatabases
{
    public static ServiceProvider BuildServices(IDictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        var environment = new TestHostEnvironment(Path.GetTempPath());
        services.AddSingleton<IHostEnvironment>(environment);
        services.AddPortalDatabase(configuration, environment);
        return services.BuildServiceProvider(validateScopes: true);
    }

    public static DatabaseInitializer Initializer(IServiceProvider services) => new(
        services.GetRequiredService<IDbContextFactory<PortalDbContext>>(),
        services.GetRequiredService<IConfiguration>(),
        NullLogger<DatabaseInitializer>.Instance);

    public static string NewTempDirectory()
    {
        var path = Path.Combine(Path.GetTempPath(), $"da-tests-{Guid.NewGuid():N}");
        Directory.CreateDirectory(path);
        return path;
    }

    public static void DeleteSqliteDirectory(string path)
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(path))
        {
            Directory.Delete(path, recursive: true);
        }
    }

    private sealed class TestHostEnvironment(string contentRoot) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = Environments.Development;

        public string ApplicationName { get; set; } = "DigitalAlmaty.Web";

        public string ContentRootPath { get; set; } = contentRoot;

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
