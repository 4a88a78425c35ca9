using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace DigitalAlmaty.Tests.Support;

/// <summary>
/// Debian's nginx as a child process with its own prefix and configuration on a free loopback port
/// (never the system service), serving the portal's deploy/nginx files: the upstream file with the
/// test's two node ports in place of 5081 and 5082, and the locations snippet as it is. The access
/// log names the node that served each request.
/// </summary>
public sealed class PrivateNginx : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _root;

    private PrivateNginx(Process process, string root, int port)
    {
        _process = process;
        _root = root;
        Address = new Uri($"http://127.0.0.1:{port}");
    }

    public Uri Address { get; }

    public string AccessLog => Path.Combine(_root, "access.log");

    public static async Task<PrivateNginx> StartAsync(int nodeAPort, int nodeBPort)
    {
        var nginx = File.Exists("/usr/sbin/nginx") ? "/usr/sbin/nginx" : throw new InvalidOperationException("nginx is missing: run ./test.sh, which installs nginx-light.");
        var deploy = Path.Combine(RepositoryRoot(), "deploy", "nginx");
        var root = Directory.CreateTempSubdirectory("da-nginx-").FullName;
        var temp = Directory.CreateDirectory(Path.Combine(root, "temp")).FullName;
        // Workers run as nobody when the tests run as root; they write request bodies here.
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(temp, (UnixFileMode)0x1FF);
        }
        var upstream = (await File.ReadAllTextAsync(Path.Combine(deploy, "digital-almaty-upstream.conf")))
            .Replace("127.0.0.1:5081", $"127.0.0.1:{nodeAPort}", StringComparison.Ordinal)
            .Replace("127.0.0.1:5082", $"127.0.0.1:{nodeBPort}", StringComparison.Ordinal);
        await File.WriteAllTextAsync(Path.Combine(root, "upstream.conf"), upstream);
        var port = FreePort();
        await File.WriteAllTextAsync(Path.Combine(root, "nginx.conf"), $$"""
            worker_processes 1;
            pid {{root}}/nginx.pid;
            error_log {{root}}/error.log warn;
            events { worker_connections 512; }
            http {
                log_format routed '$remote_addr $request_method $request_uri $status $upstream_addr';
                access_log {{root}}/access.log routed;
                client_body_temp_path {{temp}}/body;
                proxy_temp_path {{temp}}/proxy;
                fastcgi_temp_path {{temp}}/fastcgi;
                uwsgi_temp_path {{temp}}/uwsgi;
                scgi_temp_path {{temp}}/scgi;
                include {{root}}/upstream.conf;
                server {
                    listen 127.0.0.1:{{port}};
                    include {{deploy}}/digital-almaty-locations.conf;
                }
            }
            """);

        var start = new ProcessStartInfo(nginx) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "-p", root, "-e", Path.Combine(root, "error.log"), "-c", Path.Combine(root, "nginx.conf"), "-g", "daemon off;" })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("nginx did not start.");
        var errors = process.StandardError.ReadToEndAsync();
        var server = new PrivateNginx(process, root, port);
        var watch = Stopwatch.StartNew();
        while (!await AcceptsAsync(port))
        {
            if (process.HasExited || watch.Elapsed > TimeSpan.FromSeconds(10))
            {
                await server.DisposeAsync();
                throw new InvalidOperationException($"nginx did not listen on 127.0.0.1:{port}: {await errors}");
            }

            await Task.Delay(50);
        }

        return server;
    }

    /// <summary>The upstream (node address) that served each logged request for <paramref name="path"/> (from <paramref name="client"/>, when given), in order.</summary>
    /// <summary>
    /// The upstreams that served <paramref name="path"/> (from <paramref name="client"/>), once the
    /// access log holds at least <paramref name="atLeast"/> of them: nginx writes a request's line
    /// after the response has gone out, so the client can be faster than the log.
    /// </summary>
    public async Task<IReadOnlyList<string>> UpstreamsAsync(string path, string? client = null, int atLeast = 1)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            var lines = await File.ReadAllLinesAsync(AccessLog);
            var upstreams = lines.Select(line => line.Split(' '))
                .Where(parts => parts.Length >= 5 && parts[2] == path && (client is null || parts[0] == client))
                .Select(parts => parts[4])
                .ToList();
            if (upstreams.Count >= atLeast || DateTime.UtcNow > deadline)
            {
                return upstreams;
            }

            await Task.Delay(50);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
        _process.Dispose();
        Directory.Delete(_root, recursive: true);
    }

    /// <summary>The folder that holds the solution (and deploy/), above the test's output folder.</summary>
    internal static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "DigitalAlmaty.Blazor.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (DigitalAlmaty.Blazor.sln) is not above " + AppContext.BaseDirectory);
    }

    private static async Task<bool> AcceptsAsync(int port)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
