using System.Diagnostics;
using System.Globalization;

namespace DigitalAlmaty.Web.Features.Operations;

/// <summary>
/// Where this process's start-up went, from the moment the operating system started it: one log
/// line when the portal listens, so an operator (and <c>bench/startup.sh</c>) can see whether the
/// runtime, the database or the demo content took the time.
/// </summary>
public sealed class StartupTimeline(ILogger<StartupTimeline> logger)
{
    private static readonly DateTime ProcessStarted = Process.GetCurrentProcess().StartTime.ToUniversalTime();
    private readonly List<(string Phase, TimeSpan At)> _marks = [];

    /// <summary>Time since the process started (includes the runtime's own start, before Main).</summary>
    public static TimeSpan Elapsed => DateTime.UtcNow - ProcessStarted;

    public void Mark(string phase)
    {
        lock (_marks)
        {
            _marks.Add((phase, Elapsed));
        }
    }

    public IReadOnlyList<(string Phase, TimeSpan At)> Marks
    {
        get
        {
            lock (_marks)
            {
                return [.. _marks];
            }
        }
    }

    /// <summary>Marks the moment the server listens and writes the whole timeline in one line.</summary>
    public void Report()
    {
        Mark("listening");
        var marks = Marks;
        var phases = string.Join(", ", marks.Select(m => m.Phase + " " + m.At.TotalMilliseconds.ToString("F0", CultureInfo.InvariantCulture)));
        logger.LogInformation("Start-up took {StartupMilliseconds} ms after the process started ({Phases}).",
            (long)marks[^1].At.TotalMilliseconds, phases);
    }
}
