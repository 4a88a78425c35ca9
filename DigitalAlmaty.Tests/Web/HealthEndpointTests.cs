using System.Net;
using System.Text.Json;
using DigitalAlmaty.Tests.Support;
using DigitalAlmaty.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace DigitalAlmaty.Tests.Web;

/// <summary>
/// The balancer's view of a node: <c>/healthz/live</c> says the process answers and asks nothing else;
/// <c>/healthz/ready</c> says whether the node can serve (database reachable and migrated), Redis
/// being at worst Degraded (HTTP 200). <c>/healthz</c> answers as before.
/// </summary>
public sealed class HealthEndpointTests(PostgresDatabase postgres) : IClassFixture<PostgresDatabase>
{
    private static async Task<(HttpStatusCode Status, string Overall, Dictionary<string, string> Checks)> ReadyAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/healthz/ready");
        Assert.StartsWith("application/json", response.Content.Headers.ContentType?.ToString(), StringComparison.Ordinal);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var checks = json.RootElement.GetProperty("checks").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!, StringComparer.Ordinal);
        return (response.StatusCode, json.RootElement.GetProperty("status").GetString()!, checks);
    }

    private static async Task AssertLiveAsync(HttpClient client)
    {
        using var live = await client.GetAsync("/healthz/live");
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal("Healthy", await live.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AHealthyNode_IsLive_AndReady_WithEachCheckNamed()
    {
        await using var portal = new PortalFactory();
        using var client = portal.CreatePortalClient();

        await AssertLiveAsync(client);
        var (status, overall, checks) = await ReadyAsync(client);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Healthy", overall);
        Assert.Equal("Healthy", checks["database"]);
        Assert.Equal("Healthy", checks["migrations"]);
        Assert.False(checks.ContainsKey("redis"));
        using var legacy = await client.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, legacy.StatusCode);
        Assert.Equal("Healthy", await legacy.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task WithRedisUnreachable_TheNodeStaysReady_ReportingRedisAsDegraded()
    {
        await using var portal = new PortalFactory(new Dictionary<string, string?>
        {
            ["Realtime:Redis"] = "127.0.0.1:1",
            ["Realtime:RedisChannel"] = "da-test-health-" + Guid.NewGuid().ToString("N"),
        });
        using var client = portal.CreatePortalClient();

        await AssertLiveAsync(client);
        var (status, overall, checks) = await ReadyAsync(client);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Degraded", overall);
        Assert.Equal("Degraded", checks["redis"]);
        Assert.Equal("Healthy", checks["database"]);
    }

    [Fact]
    public async Task WithAMigrationMissing_TheNodeIsNotReady_ButLive()
    {
        await using var portal = new PortalFactory();
        using var client = portal.CreatePortalClient();
        var databases = portal.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        string last;
        await using (var db = await databases.CreateDbContextAsync())
        {
            last = (await db.Database.GetAppliedMigrationsAsync()).Last();
            await db.Database.ExecuteSqlAsync($"DELETE FROM __EFMigrationsHistory WHERE MigrationId = {last}");
        }

        await AssertLiveAsync(client);
        var (status, _, checks) = await ReadyAsync(client);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("Unhealthy", checks["migrations"]);
        Assert.Equal("Healthy", checks["database"]);

        await using (var db = await databases.CreateDbContextAsync())
        {
            await db.Database.ExecuteSqlAsync($"INSERT INTO __EFMigrationsHistory (MigrationId, ProductVersion) VALUES ({last}, '10.0.15')");
        }

        Assert.Equal(HttpStatusCode.OK, (await ReadyAsync(client)).Status);
    }

    [Fact]
    public async Task WithTheDatabaseUnreachable_TheNodeIsNotReady_ButLive_AndReadyAgainWhenItReturns()
    {
        await using var portal = new PortalFactory(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Postgres",
            ["ConnectionStrings:Portal"] = postgres.ConnectionString,
        });
        using var client = portal.CreatePortalClient();
        Assert.Equal(HttpStatusCode.OK, (await ReadyAsync(client)).Status);

        await OnServerAsync($"ALTER DATABASE \"{postgres.Name}\" ALLOW_CONNECTIONS false",
            $"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{postgres.Name}' AND pid <> pg_backend_pid()");
        try
        {
            await AssertLiveAsync(client);
            var (status, overall, checks) = await ReadyAsync(client);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
            Assert.Equal("Unhealthy", overall);
            Assert.Equal("Unhealthy", checks["database"]);
        }
        finally
        {
            await OnServerAsync($"ALTER DATABASE \"{postgres.Name}\" ALLOW_CONNECTIONS true");
        }

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((await ReadyAsync(client)).Status != HttpStatusCode.OK)
        {
            Assert.True(DateTime.UtcNow < deadline, "The node did not become ready again after the database returned.");
            await Task.Delay(250);
        }
    }

    private static async Task OnServerAsync(params string[] statements)
    {
        await using var connection = new NpgsqlConnection(TestServers.PostgresConnectionString);
        await connection.OpenAsync();
        foreach (var sql in statements)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            await command.ExecuteNonQueryAsync();
        }
    }
}
