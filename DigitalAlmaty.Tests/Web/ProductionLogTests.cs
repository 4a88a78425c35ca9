using System.Net;
using System.Text.Json;
using DigitalAlmaty.Tests.Support;

namespace DigitalAlmaty.Tests.Web;

/// <summary>
/// The built portal in Production writes its log as one JSON object per line (the framework's JSON
/// console formatter) with the node's name in the scopes of every line, and the trace and request id
/// on the lines of a request.
/// </summary>
public sealed class ProductionLogTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("da-prod-log-").FullName;

    [Fact]
    public async Task Production_LogsJsonLines_WithTheNodeOnEveryLine_AndTheRequestOnARequestsLines()
    {
        await using var portal = PortalProcess.Start("Production", _root, "http://127.0.0.1:0", new Dictionary<string, string>
        {
            ["AllowedHosts"] = "127.0.0.1",
            ["Portal__PublicBaseUrl"] = "https://portal.example.kz",
            ["Portal__NodeName"] = "node-json",
            // The test fills the form faster than a person would.
            ["SignUp__MinimumSeconds"] = "0",
            // PortalProcess asks for plain text; this test wants what an operator gets by default.
            ["Logging__Console__FormatterName"] = string.Empty,
        });
        var address = await portal.ListeningAsync(TimeSpan.FromSeconds(90));
        using var client = new HttpClient(new HttpClientHandler { UseCookies = true }) { BaseAddress = address };
        var email = $"json-{Guid.NewGuid():N}@example.kz";
        var registered = await (await HtmlPage.GetAsync(client, "/Identity/Account/Register")).SubmitAsync(client, new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Журнал Джейсонов",
            ["Input.Email"] = email,
            ["Input.Password"] = "Json-Pass-2026",
            ["Input.ConfirmPassword"] = "Json-Pass-2026",
            ["Input.AcceptAgreement"] = "true",
        });
        Assert.Equal(HttpStatusCode.OK, registered.Status);

        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (!portal.Output.Contains(" registered.", StringComparison.Ordinal) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        var lines = portal.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.True(lines.Length >= 3, portal.Output);
        JsonElement? registration = null;
        foreach (var line in lines)
        {
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            foreach (var field in new[] { "Timestamp", "LogLevel", "Category", "Message" })
            {
                Assert.True(root.TryGetProperty(field, out _), $"No {field} in: {line}");
            }

            var scopes = root.GetProperty("Scopes").EnumerateArray().ToList();
            Assert.Contains(scopes, s => s.ValueKind == JsonValueKind.Object && s.TryGetProperty("NodeName", out var node) && node.GetString() == "node-json");
            Assert.DoesNotContain(email, line, StringComparison.OrdinalIgnoreCase);
            if (root.GetProperty("Message").GetString()!.EndsWith(" registered.", StringComparison.Ordinal))
            {
                registration = root.Clone();
            }
        }

        Assert.True(registration is not null, "No registration line in:\n" + portal.Output);
        var requestScopes = registration.Value.GetProperty("Scopes").EnumerateArray().Where(s => s.ValueKind == JsonValueKind.Object).ToList();
        Assert.Contains(requestScopes, s => s.TryGetProperty("TraceId", out var trace) && trace.GetString()!.Length == 32);
        Assert.Contains(requestScopes, s => s.TryGetProperty("RequestId", out var id) && !string.IsNullOrEmpty(id.GetString()));
        Assert.Contains(requestScopes, s => s.TryGetProperty("RequestPath", out var path) && path.GetString() == "/Identity/Account/Register");
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
