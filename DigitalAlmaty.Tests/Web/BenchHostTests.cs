using System.Net;
using System.Text.Json.Nodes;
using DigitalAlmaty.Tests.Support;

namespace DigitalAlmaty.Tests.Web;

/// <summary>
/// bench/DigitalAlmaty.Bench.Host: the portal with the bench endpoints, started as the bench scripts
/// start it. The endpoints answer this machine only, the host refuses Production, its bench ideas
/// are there, and it runs with the portal's own runtime options (what the bench measures must be
/// what ships).
/// </summary>
public sealed class BenchHostTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("da-bench-host-").FullName;

    [Fact]
    public async Task BenchEndpoints_AnswerLoopback_ButNotAForwardedClient_OnThePortalWithTheBenchIdeas()
    {
        await using var host = PortalProcess.StartBenchHost("Testing", _root, "http://127.0.0.1:0", new Dictionary<string, string>
        {
            ["Bench__Ideas"] = "25",
            ["Demo__Seed"] = "false",
        });
        using var client = new HttpClient { BaseAddress = await host.ListeningAsync(TimeSpan.FromSeconds(90)) };

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/ideas")).StatusCode);
        var timings = await client.GetStringAsync("/bench/timings");
        Assert.Contains("/ideas\t1\t", timings, StringComparison.Ordinal);
        // The bench ideas, newest first: the baseline's first page (21 rows) starts with №1 and ends before №25.
        var bare = WebUtility.HtmlDecode(await client.GetStringAsync("/bench/baseline/ideas-bare"));
        Assert.Contains("№1</a>", bare, StringComparison.Ordinal);
        Assert.Contains("№21</a>", bare, StringComparison.Ordinal);
        Assert.DoesNotContain("№25</a>", bare, StringComparison.Ordinal);

        // A client that a trusted proxy (loopback) forwards is not this machine.
        using var forwarded = new HttpRequestMessage(HttpMethod.Get, "/bench/timings");
        forwarded.Headers.Add("X-Forwarded-For", "203.0.113.9");
        Assert.Equal(HttpStatusCode.NotFound, (await client.SendAsync(forwarded)).StatusCode);
    }

    [Fact]
    public async Task TheBenchHost_RefusesToStartInProduction()
    {
        await using var host = PortalProcess.StartBenchHost("Production", _root, "http://127.0.0.1:0", new Dictionary<string, string>
        {
            ["AllowedHosts"] = "127.0.0.1",
            ["Portal__PublicBaseUrl"] = "https://portal.example.kz",
        });

        await host.WaitForExitAsync(TimeSpan.FromSeconds(90));

        Assert.Equal(1, host.ExitCode);
        Assert.Contains("only in Development or Testing", host.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Now listening on", host.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void TheBenchHost_HasThePortalsRuntimeOptions()
    {
        static JsonNode? Options(string program) =>
            JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, program + ".runtimeconfig.json")))!["runtimeOptions"]!["configProperties"];

        var portal = Options("DigitalAlmaty.Web");
        Assert.Equal(0, (int)portal!["System.Threading.ThreadPool.UnfairSemaphoreSpinLimit"]!);
        Assert.True(JsonNode.DeepEquals(portal, Options("DigitalAlmaty.Bench.Host")), $"portal: {portal}\nbench host: {Options("DigitalAlmaty.Bench.Host")}");
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
