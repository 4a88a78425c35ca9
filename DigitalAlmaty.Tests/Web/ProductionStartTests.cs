using System.Net;
using DigitalAlmaty.Tests.Support;

namespace DigitalAlmaty.Tests.Web;

/// <summary>
/// The built portal started as an operator starts it (<c>dotnet DigitalAlmaty.Web.dll</c>) in
/// Production: it refuses to start without a public address or with every host allowed, and it has
/// no bench endpoints, even with the settings that once switched them on (the bench lives in
/// bench/DigitalAlmaty.Bench.Host; BenchOutOfTheProductTests checks Development and Testing).
/// </summary>
public sealed class ProductionStartTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("da-prod-").FullName;

    [Fact]
    public async Task Production_WithoutPublicAddress_AndWithEveryHostAllowed_RefusesToStart()
    {
        await using var portal = PortalProcess.Start("Production", _root, "http://127.0.0.1:0", new Dictionary<string, string> { ["AllowedHosts"] = "*" });

        await portal.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(1, portal.ExitCode);
        var text = portal.Output;
        Assert.Contains("Portal:PublicBaseUrl", text, StringComparison.Ordinal);
        Assert.Contains("AllowedHosts", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Now listening on", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Production_WithTheSettings_Starts_RefusesOtherHosts_AndHasNoBench()
    {
        await using var portal = PortalProcess.Start("Production", _root, "http://127.0.0.1:0", new Dictionary<string, string>
        {
            ["AllowedHosts"] = "127.0.0.1;portal.example.kz",
            ["Portal__PublicBaseUrl"] = "https://portal.example.kz",
            ["Bench__Enabled"] = "true",
        });
        using var client = new HttpClient { BaseAddress = await portal.ListeningAsync(TimeSpan.FromSeconds(90)) };

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
