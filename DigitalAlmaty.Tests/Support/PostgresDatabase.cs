using Npgsql;

namespace DigitalAlmaty.Tests.Support;

/// <summary>
/// A fresh, uniquely named database on the test PostgreSQL server for one test class
/// (use it as <c>IClassFixture&lt;PostgresDatabase&gt;</c>); dropped when the class is done.
/// </summary>
public sealed class PostgresDatabase : IAsyncLifetime
{
    private readonly string serverConnectionString;

    public PostgresDatabase()
    {
        serverConnectionString = TestServers.PostgresConnectionString;
        Name = $"da_test_{Guid.NewGuid():N}";
        ConnectionString = new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = Name }.ConnectionString;
    }

    public string Name { get; }

    /// <summary>Connects to the fresh database.</summary>
    public string ConnectionString { get; }

    public async Task InitializeAsync() => await ExecuteOnServerAsync($"CREATE DATABASE \"{Name}\" ENCODING 'UTF8'");

    public async Task DisposeAsync()
    {
        await using (var connection = new NpgsqlConnection(ConnectionString))
        {
            NpgsqlConnection.ClearPool(connection);
        }

        await ExecuteOnServerAsync($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)");
    }

    private async Task ExecuteOnServerAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(serverConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
