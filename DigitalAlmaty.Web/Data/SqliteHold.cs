using Microsoft.Data.Sqlite;

namespace DigitalAlmaty.Web.Data;

/// <summary>
/// Keeps one connection to the SQLite database open while the portal runs, outside the connection
/// pool (which other code may clear). A database with an open connection cannot leave write-ahead
/// logging, which is how <c>restore</c> tells a running portal's database from a stopped one: without
/// this hold, a moment with no pooled connection would let a restore replace a live database.
/// </summary>
public sealed class SqliteHold(string connectionString) : IHostedService, IAsyncDisposable
{
    private SqliteConnection? _connection;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString) { Pooling = false };
        _connection = new SqliteConnection(builder.ToString());
        await _connection.OpenAsync(cancellationToken);

        // Opening reads nothing: a first statement attaches the connection to the write-ahead log.
        await using var command = _connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM sqlite_master;";
        await command.ExecuteScalarAsync(cancellationToken);
    }

    public async Task StopAsync(CancellationToken cancellationToken) => await DisposeAsync();

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _connection, null) is { } connection)
        {
            await connection.DisposeAsync();
        }
    }
}
