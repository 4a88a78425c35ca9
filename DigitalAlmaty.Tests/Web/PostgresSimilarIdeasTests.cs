using DigitalAlmaty.Tests.Support;

namespace DigitalAlmaty.Tests.Web;

/// <summary><see cref="SimilarIdeasTests"/> on PostgreSQL (tsvector).</summary>
public sealed class PostgresSimilarIdeasTests(PostgresSimilarIdeasTests.Fixture fixture) : SimilarIdeasTests(fixture), IClassFixture<PostgresSimilarIdeasTests.Fixture>
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
