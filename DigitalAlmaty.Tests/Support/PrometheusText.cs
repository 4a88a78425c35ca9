using System.Globalization;
using System.Text.RegularExpressions;

namespace DigitalAlmaty.Tests.Support;

/// <summary>A scrape of <c>/metrics</c> in the Prometheus text format, read sample by sample.</summary>
public sealed partial class PrometheusText
{
    private readonly List<(string Name, Dictionary<string, string> Labels, double Value)> _samples = [];

    public PrometheusText(string text)
    {
        Text = text;
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (line.StartsWith('#') || SampleLine().Match(line) is not { Success: true } match)
            {
                continue;
            }

            var labels = LabelPair().Matches(match.Groups["labels"].Value)
                .ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value, StringComparer.Ordinal);
            var value = match.Groups["value"].Value switch
            {
                "+Inf" => double.PositiveInfinity,
                "-Inf" => double.NegativeInfinity,
                var raw => double.Parse(raw, NumberStyles.Float, CultureInfo.InvariantCulture),
            };
            _samples.Add((match.Groups["name"].Value, labels, value));
        }
    }

    public string Text { get; }

    public static async Task<PrometheusText> ScrapeAsync(HttpClient client, string path = "/metrics")
    {
        using var response = await client.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        return response.IsSuccessStatusCode
            ? new PrometheusText(body)
            : throw new InvalidOperationException($"{path} answered {(int)response.StatusCode}: {body[..Math.Min(300, body.Length)]}");
    }

    /// <summary>Scrapes until <paramref name="done"/> holds (gauges refresh in the background) or the time is up.</summary>
    public static async Task<PrometheusText> ScrapeUntilAsync(HttpClient client, Func<PrometheusText, bool> done, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var scrape = await ScrapeAsync(client);
            if (done(scrape))
            {
                return scrape;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"/metrics never showed {what}. Last scrape:\n{scrape.PortalLines()}\n---\n{scrape.Text[..Math.Min(4000, scrape.Text.Length)]}");
            }

            await Task.Delay(250);
        }
    }

    public bool Has(string name) => _samples.Any(s => s.Name == name);

    /// <summary>The value of the one sample named <paramref name="name"/> carrying these labels (others may be present too), or null.</summary>
    public double? Value(string name, params (string Label, string Value)[] labels)
    {
        var matching = _samples.Where(s => s.Name == name && labels.All(l => s.Labels.TryGetValue(l.Label, out var v) && v == l.Value)).ToList();
        return matching.Count switch
        {
            0 => null,
            1 => matching[0].Value,
            _ => throw new InvalidOperationException($"{matching.Count} samples of {name} match; name more labels."),
        };
    }

    /// <summary>The portal's own lines, for failure messages.</summary>
    public string PortalLines() =>
        string.Join('\n', Text.Split('\n').Where(l => l.StartsWith("digitalalmaty_", StringComparison.Ordinal)));

    [GeneratedRegex("""^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>.*)\})?\s+(?<value>\S+)""")]
    private static partial Regex SampleLine();

    [GeneratedRegex(@"([a-zA-Z_][a-zA-Z0-9_]*)=""((?:[^""\\]|\\.)*)""")]
    private static partial Regex LabelPair();
}
