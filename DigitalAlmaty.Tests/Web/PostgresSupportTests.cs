using DigitalAlmaty.Tests.Support;

namespace DigitalAlmaty.Tests.Web;

/// <summary><see cref="SupportTests"/> on PostgreSQL, the production database.</summary>
public sealed class PostgresSupportTests(PostgresSupportTests.Fixture fixture) : SupportTests(fixture), IClassFixture<PostgresSupportTests.Fixture>
{
    public sealed class Fixture : PortalFactory, IAsyncLifetime
    {
        private readonly PostgresDatabase _database;

        public Fixture()
            : this(new PostgresDatabase())
        {
        }

        private Fixture(PostgresDatabase database)
            : base(new Dictionary<string, string?>
            {
                ["Database:Provider"] = "Postgres",
                ["ConnectionStrings:Portal"] = database.ConnectionString,
            }) => _database = database;

        public Task InitializeAsync() => _database.InitializeAsync();

        async Task IAsyncLifetime.DisposeAsync()
        {
            // Stop the portal (and its connections) before the database is dropped.
            await DisposeAsync();
            await _database.DisposeAsync();
        }
    }
}
