namespace DigitalAlmaty.Web.Features.Security;

/// <summary>
/// Settings without which a portal must not face the internet: refuses to start outside
/// Development and Testing when they are missing. Links in letters come from
/// <c>Portal:PublicBaseUrl</c>; <c>AllowedHosts</c> keeps requests for other host names out.
/// </summary>
public static class ExposureCheck
{
    /// <summary>What is wrong with the settings for <paramref name="environment"/>; empty when the portal may start.</summary>
    public static IReadOnlyList<string> Problems(IConfiguration configuration, IHostEnvironment environment)
    {
        if (environment.IsDevelopment() || environment.IsEnvironment("Testing"))
        {
            return [];
        }

        var problems = new List<string>();
        var baseUrl = configuration["Portal:PublicBaseUrl"];
        if (string.IsNullOrWhiteSpace(baseUrl))
        {
            problems.Add("Portal:PublicBaseUrl is not set: letters need the portal's public address (e.g. https://digital-almaty.kz).");
        }
        else if (!Uri.TryCreate(baseUrl, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
            || !string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment) || !string.IsNullOrEmpty(uri.UserInfo))
        {
            problems.Add($"Portal:PublicBaseUrl '{baseUrl}' is not an absolute http(s) address without query, fragment or user name.");
        }

        var hosts = (configuration["AllowedHosts"] ?? string.Empty)
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (hosts.Length == 0 || hosts.Any(h => h == "*"))
        {
            problems.Add("AllowedHosts must list the portal's host names (e.g. digital-almaty.kz;www.digital-almaty.kz), not '*'.");
        }

        return problems;
    }

    /// <summary>Logs each problem; false means: do not start.</summary>
    public static bool Passes(WebApplication app)
    {
        var problems = Problems(app.Configuration, app.Environment);
        foreach (var problem in problems)
        {
            app.Logger.LogCritical("Refusing to start in {Environment}: {Problem}", app.Environment.EnvironmentName, problem);
        }

        return problems.Count == 0;
    }
}
