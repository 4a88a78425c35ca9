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
    private readonly List<(string Phase, TimeSpan At, TimeSpan Cpu, TimeSpan Jit)> _marks = [];

    public void Mark(string phase)
    {
        // CPU time of all threads as well: on a busy machine it shows the work, not the waiting.
        using var process = Process.GetCurrentProcess();
        var mark = (phase, DateTime.UtcNow - ProcessStarted, process.TotalProcessorTime, System.Runtime.JitInfo.GetCompilationTime());
        lock (_marks)
        {
            _marks.Add(mark);
        }
    }

    /// <summary>Marks the moment the server listens and writes the whole timeline in one line.</summary>
    public void Report()
    {
        Mark("listening");
        (string Phase, TimeSpan At, TimeSpan Cpu, TimeSpan Jit)[] marks;
        lock (_marks)
        {
            marks = [.. _marks];
        }

        // Whole milliseconds, cut the same way everywhere: the total is the last phase's figure.
        var phases = string.Join(", ", marks.Select(m => string.Create(CultureInfo.InvariantCulture,
            $"{m.Phase} {Whole(m.At)} (cpu {Whole(m.Cpu)}, jit {Whole(m.Jit)})")));
        logger.LogInformation("Start-up took {StartupMilliseconds} ms after the process started, {StartupCpuMilliseconds} ms of CPU ({Phases}).",
            Whole(marks[^1].At), Whole(marks[^1].Cpu), phases);
    }

    private static long Whole(TimeSpan span) => (long)span.TotalMilliseconds;
}
