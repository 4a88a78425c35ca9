using DigitalAlmaty.Tests.Support;

namespace DigitalAlmaty.Tests.Web;

/// <summary><see cref="SupportTests"/> on the embedded SQLite database.</summary>
public sealed class SqliteSupportTests(SqliteSupportTests.Fixture fixture) : SupportTests(fixture), IClassFixture<SqliteSupportTests.Fixture>
{
    public sealed class Fixture : PortalFactory;
}
