using System.Diagnostics;
using System.Net;
using DigitalAlmaty.Tests.Support;

namespace DigitalAlmaty.Tests.Web;

/// <summary>
/// deploy/systemd/digital-almaty@.service's readiness gate, run as systemd would run it: the
/// ExecStartPost line, with the node's ASPNETCORE_URLS put in, against a node that is starting. A
/// rolling upgrade relies on it returning only once the node serves and is fully migrated.
/// </summary>
public sealed class SystemdUnitTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("da-unit-").FullName;

    [Fact]
    public async Task ExecStartPost_WaitsWhileNothingListens_AndEndsOnceTheNodeIsReady()
    {
        var unit = await File.ReadAllLinesAsync(Path.Combine(PrivateNginx.RepositoryRoot(), "deploy", "systemd", "digital-almaty@.service"));
        var gate = Assert.Single(unit, line => line.StartsWith("ExecStartPost=", StringComparison.Ordinal))["ExecStartPost=".Length..];
        Assert.Contains("${ASPNETCORE_URLS}/healthz/ready", gate, StringComparison.Ordinal);

        // Nothing listens yet (a node still migrating): the gate keeps trying instead of failing.
        using (var early = StartGate(gate, $"http://127.0.0.1:{PrivateNginx.FreePort()}"))
        {
            await Task.Delay(TimeSpan.FromSeconds(3));
            Assert.False(early.HasExited, "The gate gave up while nothing listened: " + await early.StandardError.ReadToEndAsync());
            early.Kill(entireProcessTree: true);
        }

        // A node that listens and is ready: the gate ends, successfully.
        var urls = $"http://127.0.0.1:{PrivateNginx.FreePort()}";
        await using var node = PortalProcess.Start("Development", _root, urls, new Dictionary<string, string> { ["Demo__Seed"] = "false" });
        var listening = await node.ListeningAsync(TimeSpan.FromSeconds(300));
        using var waiting = StartGate(gate, urls);
        await waiting.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));

        Assert.True(waiting.ExitCode == 0, $"The gate failed ({waiting.ExitCode}): " + await waiting.StandardError.ReadToEndAsync());
        using var client = new HttpClient { BaseAddress = listening };
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz/ready")).StatusCode);
    }

    private static Process StartGate(string gate, string urls) =>
        Process.Start(new ProcessStartInfo("/bin/sh", ["-c", gate.Replace("${ASPNETCORE_URLS}", urls, StringComparison.Ordinal)])
        {
            RedirectStandardError = true,
            UseShellExecute = false,
        })!;

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A file the stopped process still held; the temp folder is cleaned by the system.
        }
    }
}
