using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace DigitalAlmaty.Web.Features.Operations;

/// <summary>
/// The body of <c>/healthz/ready</c>: the overall status and each check's status by name, e.g.
/// <c>{"status":"Degraded","checks":{"database":"Healthy","migrations":"Healthy","redis":"Degraded"}}</c>.
/// No descriptions or exception messages: the endpoint is public, and those can name hosts.
/// </summary>
public static class HealthResponse
{
    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => e.Value.Status.ToString(), StringComparer.Ordinal),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body));
    }
}
