using System.Text.RegularExpressions;
using DigitalAlmaty.Tests.Support;
using DigitalAlmaty.Web.Features.Operations;
using Microsoft.Extensions.Logging;

namespace DigitalAlmaty.Tests.Web;

/// <summary>
/// The start-up line an operator reads in the journal and bench/startup.sh reads from the log: every
/// phase in the order it was passed, each with its time since the process started, ending at "listening".
/// </summary>
public sealed partial class StartupTimelineTests
{
    [Fact]
    public void Report_WritesEveryPhaseInOrder_EndingWhenTheServerListens()
    {
        using var capture = new LogCapture();
        using var factory = LoggerFactory.Create(logging => logging.AddProvider(capture));
        var timeline = new StartupTimeline(factory.CreateLogger<StartupTimeline>());

        timeline.Mark("host built");
        timeline.Mark("database ready");
        timeline.Report();

        var line = Assert.Single(capture.Lines, l => l.Message.StartsWith("Start-up took ", StringComparison.Ordinal)).Message;
        var phases = Phase().Matches(line).Select(m => (Name: m.Groups["name"].Value, At: long.Parse(m.Groups["at"].Value, System.Globalization.CultureInfo.InvariantCulture))).ToList();
        Assert.Equal(["host built", "database ready", "listening"], phases.Select(p => p.Name));
        Assert.True(phases.Zip(phases.Skip(1)).All(pair => pair.First.At <= pair.Second.At), line);
        Assert.StartsWith($"Start-up took {phases[^1].At} ms after the process started", line, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"(?:\(|, )(?<name>[a-z][a-z ]*?) (?<at>\d+) \(cpu \d+, jit \d+\)")]
    private static partial Regex Phase();
}
