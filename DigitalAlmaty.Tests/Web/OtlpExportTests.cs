using System.Net;
using System.Net.Sockets;
using System.Text;
using DigitalAlmaty.Tests.Support;

namespace DigitalAlmaty.Tests.Web;

/// <summary>With <c>OpenTelemetry:Endpoint</c> set, the portal pushes its metrics to that collector over OTLP.</summary>
public sealed class OtlpExportTests
{
    [Fact]
    public async Task WithAnEndpoint_ThePortalsMetricsArePushedOverOtlp()
    {
        int port;
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }

        using var collector = new HttpListener();
        collector.Prefixes.Add($"http://127.0.0.1:{port}/");
        collector.Start();
        await using var portal = new PortalFactory(new Dictionary<string, string?>
        {
            ["OpenTelemetry:Endpoint"] = $"http://127.0.0.1:{port}",
            ["OpenTelemetry:Protocol"] = "http/protobuf",
            // The SDK's own setting, read from configuration: export every half second instead of every minute.
            ["OTEL_METRIC_EXPORT_INTERVAL"] = "500",
        });
        _ = portal.Services; // starts the portal

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var context = await collector.GetContextAsync().WaitAsync(deadline - DateTime.UtcNow);
            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            context.Response.StatusCode = 200;
            context.Response.Close();

            Assert.Equal("/v1/metrics", context.Request.Url!.AbsolutePath);
            Assert.Equal("application/x-protobuf", context.Request.ContentType);
            // Protobuf keeps names as UTF-8 text: the portal's meter and one of its instruments.
            var text = Encoding.UTF8.GetString(body.ToArray());
            if (text.Contains("DigitalAlmaty", StringComparison.Ordinal) && text.Contains("digitalalmaty.moderation.decisions", StringComparison.Ordinal))
            {
                return;
            }
        }
    }
}
