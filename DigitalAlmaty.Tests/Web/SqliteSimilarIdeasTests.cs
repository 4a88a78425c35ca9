using DigitalAlmaty.Tests.Support;

namespace DigitalAlmaty.Tests.Web;

/// <summary><see cref="SimilarIdeasTests"/> on SQLite (FTS5).</summary>
public sealed class SqliteSimilarIdeasTests(SqliteSimilarIdeasTests.Fixture fixture) : SimilarIdeasTests(fixture), IClassFixture<SqliteSimilarIdeasTests.Fixture>
{
    public sealed class Fixture : PortalFactory;
}
