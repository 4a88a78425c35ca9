using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace DigitalAlmaty.Tests.Support;

/// <summary>
/// A throwaway PostgreSQL cluster of the test's own (Debian's binaries, loopback, trust auth), which
/// the test may stop and start again without touching the cluster the rest of the suite shares.
/// </summary>
public sealed class PrivatePostgres : IAsyncDisposable
{
    private readonly string _bin;
    private readonly string _root;

    private PrivatePostgres(string bin, string root, int port)
    {
        _bin = bin;
        _root = root;
        Port = port;
    }

    public int Port { get; }

    public string ConnectionString => $"Host=127.0.0.1;Port={Port};Username=postgres;Database=postgres;Timeout=5;Command Timeout=10";

    private string Data => Path.Combine(_root, "data");

    public static async Task<PrivatePostgres> StartNewAsync()
    {
        var bin = Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin"))
            .Where(d => File.Exists(Path.Combine(d, "initdb"))).OrderBy(d => d, StringComparer.Ordinal).LastOrDefault()
            ?? throw new InvalidOperationException("PostgreSQL binaries are missing: run ./test.sh, which installs them.");
        var root = Directory.CreateTempSubdirectory("da-pg-").FullName;
        var server = new PrivatePostgres(bin, root, FreePort());
        if (IsRoot)
        {
            await RunAsync("chown", "-R", "postgres:", root);
        }

        await server.PgAsync("initdb", "-D", server.Data, "-U", "postgres", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync", "--auth=trust");
        await server.StartAsync();
        return server;
    }

    public Task StartAsync() => PgAsync("pg_ctl", "-D", Data, "-l", Path.Combine(_root, "server.log"), "-w", "-t", "30", "-o",
        $"-p {Port} -k {_root} -c listen_addresses=127.0.0.1 -c fsync=off", "start");

    /// <summary>A fast shutdown, as an operator's restart does: open sessions are ended.</summary>
    public Task StopAsync() => PgAsync("pg_ctl", "-D", Data, "-m", "fast", "-w", "stop");

    public async ValueTask DisposeAsync()
    {
        try
        {
            await PgAsync("pg_ctl", "-D", Data, "-m", "immediate", "-w", "stop");
        }
        catch (InvalidOperationException)
        {
            // Already stopped.
        }

        Directory.Delete(_root, recursive: true);
    }

    private static bool IsRoot => Environment.UserName == "root";

    private Task PgAsync(string tool, params string[] args) =>
        IsRoot ? RunAsync("runuser", ["-u", "postgres", "--", Path.Combine(_bin, tool), .. args]) : RunAsync(Path.Combine(_bin, tool), args);

    private static async Task RunAsync(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(90));
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} exited {process.ExitCode}: {await output}{await error}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
