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
    public async Task ExecStartPost_ReturnsOnlyOnceTheStartingNodeIsReady()
    {
        var unit = await File.ReadAllLinesAsync(Path.Combine(PrivateNginx.RepositoryRoot(), "deploy", "systemd", "digital-almaty@.service"));
        var gate = Assert.Single(unit, line => line.StartsWith("ExecStartPost=", StringComparison.Ordinal))["ExecStartPost=".Length..];
        Assert.Contains("${ASPNETCORE_URLS}/healthz/ready", gate, StringComparison.Ordinal);

        var urls = $"http://127.0.0.1:{PrivateNginx.FreePort()}";
        // The gate starts first, as it would against a node still migrating: nothing listens yet.
        using var waiting = Process.Start(new ProcessStartInfo("/bin/sh", ["-c", gate.Replace("${ASPNETCORE_URLS}", urls, StringComparison.Ordinal)])
        {
            RedirectStandardError = true,
            UseShellExecute = false,
        })!;
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.False(waiting.HasExited, "The gate gave up while the node was not listening yet: " + await waiting.StandardError.ReadToEndAsync());

        await using var node = PortalProcess.Start("Development", _root, urls, new Dictionary<string, string> { ["Demo__Seed"] = "false" });
        var listening = await node.ListeningAsync(TimeSpan.FromSeconds(330));
        await waiting.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(330));

        Assert.True(waiting.ExitCode == 0, $"The gate failed ({waiting.ExitCode}) on {urls}, node on {listening}: " + await waiting.StandardError.ReadToEndAsync() + node.Output);
        Assert.Contains("Now listening on", node.Output, StringComparison.Ordinal);
        using var client = new HttpClient { BaseAddress = listening };
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz/ready")).StatusCode);
    }

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
