using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace DigitalAlmaty.Tests.Support;

/// <summary>
/// The production layout of deploy/ on loopback: two built portals as processes (node A, node B; in
/// the bench host, whose endpoints draft and submit for the tests) on one PostgreSQL database and
/// one Redis channel, behind a private nginx serving deploy/nginx, with <c>Proxy:KnownProxies</c>
/// set to nginx. <see cref="RouteToA"/> and <see cref="RouteToB"/> are values of nginx's sticky
/// cookie that it hashes to each node.
/// </summary>
public sealed class NginxTwoNodes : IAsyncLifetime
{
    public const string RouteCookie = "da_node";
    public const int AccountPostsPerMinute = 3;

    private readonly PostgresDatabase _database = new();
    private readonly string _root = Directory.CreateTempSubdirectory("da-nginx-nodes-").FullName;

    public PortalProcess NodeA { get; private set; } = default!;

    public PortalProcess NodeB { get; private set; } = default!;

    public int PortA { get; } = PrivateNginx.FreePort();

    public int PortB { get; } = PrivateNginx.FreePort();

    public PrivateNginx Nginx { get; private set; } = default!;

    public string RouteToA { get; private set; } = string.Empty;

    public string RouteToB { get; private set; } = string.Empty;

    public string UpstreamA => $"127.0.0.1:{PortA}";

    public string UpstreamB => $"127.0.0.1:{PortB}";

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        var channel = $"digital-almaty:test:{Guid.NewGuid():N}";
        // One node at a time on a new database: the first applies the migrations.
        NodeA = await StartNodeAsync(PortA, channel);
        NodeB = await StartNodeAsync(PortB, channel);
        Nginx = await PrivateNginx.StartAsync(PortA, PortB);
        (RouteToA, RouteToB) = await FindRoutesAsync();
    }

    /// <summary>A client that connects to nginx from <paramref name="local"/> (any 127.x address) and is routed by <paramref name="route"/>.</summary>
    public HttpClient ClientFrom(string local, string route, CookieContainer? cookies = null)
    {
        cookies ??= new CookieContainer();
        cookies.Add(new Cookie(RouteCookie, route, "/", "127.0.0.1"));
        var handler = new SocketsHttpHandler
        {
            CookieContainer = cookies,
            AllowAutoRedirect = false,
            ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                try
                {
                    socket.Bind(new IPEndPoint(IPAddress.Parse(local), 0));
                    await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        return new HttpClient(handler) { BaseAddress = Nginx.Address };
    }

    /// <summary>The addresses the portal recorded for sign-ins to <paramref name="email"/>.</summary>
    public async Task<IReadOnlyList<string>> SignInAddressesAsync(string email)
    {
        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT s."IpAddress" FROM "SignIns" s JOIN "AspNetUsers" u ON u."Id" = s."UserId"
            WHERE u."NormalizedEmail" = upper(@email) ORDER BY s."Id"
            """;
        command.Parameters.AddWithValue("email", email);
        var addresses = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            addresses.Add(reader.IsDBNull(0) ? "(none)" : reader.GetString(0));
        }

        return addresses;
    }

    public async Task DisposeAsync()
    {
        if (Nginx is not null)
        {
            await Nginx.DisposeAsync();
        }

        foreach (var node in new[] { NodeA, NodeB })
        {
            if (node is not null)
            {
                await node.DisposeAsync();
            }
        }

        await _database.DisposeAsync();
        Directory.Delete(_root, recursive: true);
    }

    private async Task<PortalProcess> StartNodeAsync(int port, string channel)
    {
        var node = PortalProcess.StartBenchHost("Development", _root, $"http://127.0.0.1:{port}", new Dictionary<string, string>
        {
            ["Database__Provider"] = "Postgres",
            ["ConnectionStrings__Portal"] = _database.ConnectionString,
            ["Realtime__Redis"] = TestServers.Redis,
            ["Realtime__RedisChannel"] = channel,
            ["Proxy__KnownProxies"] = "127.0.0.1",
            ["Bootstrap__AdminEmail"] = PortalFactory.AdminEmail,
            ["Bootstrap__AdminPassword"] = PortalFactory.AdminPassword,
            ["Demo__Seed"] = "false",
            ["SignUp__MinimumSeconds"] = "0",
            ["RateLimits__AccountPostsPerMinute"] = AccountPostsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Accounts__AnnulmentCheckHours"] = "0",
            ["Claims__ReminderCheckMinutes"] = "0",
        });
        await node.ListeningAsync(TimeSpan.FromSeconds(120));
        return node;
    }

    /// <summary>Cookie values that nginx's consistent hash sends to node A and to node B.</summary>
    private async Task<(string A, string B)> FindRoutesAsync()
    {
        string? toA = null, toB = null;
        for (var i = 0; i < 64 && (toA is null || toB is null); i++)
        {
            var route = $"route-{i}";
            using var client = ClientFrom("127.0.0.1", route);
            (await client.GetAsync($"/healthz?probe={route}")).EnsureSuccessStatusCode();
            var upstream = (await Nginx.UpstreamsAsync($"/healthz?probe={route}")).Single();
            if (upstream == UpstreamA)
            {
                toA ??= route;
            }
            else if (upstream == UpstreamB)
            {
                toB ??= route;
            }
        }

        return (toA ?? throw new InvalidOperationException("No route reached node A."), toB ?? throw new InvalidOperationException("No route reached node B."));
    }
}
