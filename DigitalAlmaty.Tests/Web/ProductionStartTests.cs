using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using DigitalAlmaty.Tests.Support;

namespace DigitalAlmaty.Tests.Web;

/// <summary>
/// The built portal started as an operator starts it (<c>dotnet DigitalAlmaty.Web.dll</c>) in
/// Production: it refuses to start without a public address or with every host allowed, and a
/// production portal has no bench endpoints whatever <c>Bench:Enabled</c> says.
/// </summary>
public sealed partial class ProductionStartTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("da-prod-").FullName;

    private ProcessStartInfo Portal(IDictionary<string, string> settings)
    {
        var start = new ProcessStartInfo("dotnet", $"\"{Path.Combine(AppContext.BaseDirectory, "DigitalAlmaty.Web.dll")}\"")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        start.Environment["ConnectionStrings__Portal"] = $"Data Source={Path.Combine(_root, "portal.db")}";
        start.Environment["Uploads__Directory"] = Path.Combine(_root, "uploads");
        start.Environment["Email__PickupDirectory"] = Path.Combine(_root, "mail");
        start.Environment["Logging__Console__FormatterName"] = "simple";
        foreach (var (key, value) in settings)
        {
            start.Environment[key] = value;
        }

        return start;
    }

    [Fact]
    public async Task Production_WithoutPublicAddress_AndWithEveryHostAllowed_RefusesToStart()
    {
        using var process = Process.Start(Portal(new Dictionary<string, string> { ["AllowedHosts"] = "*" }))!;
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);

        Assert.Equal(1, process.ExitCode);
        var text = output.ToString();
        Assert.Contains("Portal:PublicBaseUrl", text, StringComparison.Ordinal);
        Assert.Contains("AllowedHosts", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Now listening on", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Production_WithTheSettings_Starts_RefusesOtherHosts_AndHasNoBench()
    {
        using var process = Process.Start(Portal(new Dictionary<string, string>
        {
            ["AllowedHosts"] = "127.0.0.1;portal.example.kz",
            ["Portal__PublicBaseUrl"] = "https://portal.example.kz",
            ["Bench__Enabled"] = "true",
        }))!;
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) =>
        {
            lock (output) { output.AppendLine(e.Data); }
            if (e.Data is { } line && ListeningPattern().Match(line) is { Success: true } match)
            {
                listening.TrySetResult(new Uri(match.Groups[1].Value));
            }
        };
        process.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            var address = await listening.Task.WaitAsync(TimeSpan.FromSeconds(90));
            using var client = new HttpClient { BaseAddress = address };

            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/ideas")).StatusCode);
            foreach (var path in new[] { "/bench/timings", "/bench/static/ideas", "/bench/baseline/ideas-bare", "/bench/moderation/first-page" })
            {
                Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(path)).StatusCode);
            }

            // No bench route: a post there is refused like any unknown post (no session, no moderator created).
            var setup = await client.PostAsync("/bench/moderation/setup", null);
            Assert.False(setup.IsSuccessStatusCode);
            Assert.DoesNotContain(setup.Headers.Where(h => h.Key == "Set-Cookie").SelectMany(h => h.Value), c => c.StartsWith("da.auth", StringComparison.Ordinal));

            // Host filtering: a request naming another host is refused before any page runs.
            using var hostile = new HttpRequestMessage(HttpMethod.Get, "/Identity/Account/ForgotPassword");
            hostile.Headers.Host = "evil.example";
            Assert.Equal(HttpStatusCode.BadRequest, (await client.SendAsync(hostile)).StatusCode);
        }
        catch (Exception ex) when (ex is TimeoutException or Xunit.Sdk.XunitException)
        {
            string text;
            lock (output) { text = output.ToString(); }
            throw new InvalidOperationException("Portal output:\n" + text, ex);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    [GeneratedRegex(@"Now listening on: (http://\S+)")]
    private static partial Regex ListeningPattern();

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

/// <summary>In Testing with <c>Bench:Enabled</c> the bench answers this machine only, not a client a trusted proxy forwards.</summary>
public sealed class BenchLoopbackTests : IDisposable
{
    private readonly PortalFactory _portal = new(new Dictionary<string, string?> { ["Bench:Enabled"] = "true" });

    [Fact]
    public async Task BenchEndpoints_AnswerLoopback_ButNotAForwardedClient()
    {
        var address = _portal.StartKestrel();
        using var client = new HttpClient { BaseAddress = address };

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/bench/timings")).StatusCode);

        using var forwarded = new HttpRequestMessage(HttpMethod.Get, "/bench/timings");
        forwarded.Headers.Add("X-Forwarded-For", "203.0.113.9");
        Assert.Equal(HttpStatusCode.NotFound, (await client.SendAsync(forwarded)).StatusCode);
    }

    public void Dispose() => _portal.Dispose();
}
