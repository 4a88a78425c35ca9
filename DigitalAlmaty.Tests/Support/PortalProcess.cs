using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace DigitalAlmaty.Tests.Support;

/// <summary>
/// The built portal run as an operator runs it (<c>dotnet DigitalAlmaty.Web.dll</c>) in a process of
/// its own, so a test can refuse it settings, kill it with SIGKILL or start it again on the same data;
/// or the same portal in the bench host (<see cref="StartBenchHost"/>), for tests that write through
/// the bench's endpoints.
/// </summary>
public sealed partial class PortalProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource<Uri> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private PortalProcess(ProcessStartInfo start)
    {
        _process = new Process { StartInfo = start };
        _process.OutputDataReceived += (_, e) => Read(e.Data);
        _process.ErrorDataReceived += (_, e) => Read(e.Data);
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>What the portal wrote so far (standard output and error).</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public int ExitCode => _process.ExitCode;

    /// <summary>Starts the portal in <paramref name="environment"/> with its data under <paramref name="root"/> (a SQLite file, uploads, mail).</summary>
    public static PortalProcess Start(string environment, string root, string urls, IDictionary<string, string> settings) =>
        Start(environment, root, urls, settings, []);

    /// <summary>As <see cref="Start(string, string, string, IDictionary{string, string})"/>, with command-line arguments (an operator's command such as <c>backup FOLDER</c>).</summary>
    public static PortalProcess Start(string environment, string root, string urls, IDictionary<string, string> settings, IEnumerable<string> arguments) =>
        Start("DigitalAlmaty.Web.dll", environment, root, urls, settings, arguments);

    /// <summary>As <see cref="Start(string, string, string, IDictionary{string, string})"/>, in bench/DigitalAlmaty.Bench.Host: the portal with the bench endpoints.</summary>
    public static PortalProcess StartBenchHost(string environment, string root, string urls, IDictionary<string, string> settings) =>
        Start("DigitalAlmaty.Bench.Host.dll", environment, root, urls, settings, []);

    private static PortalProcess Start(string program, string environment, string root, string urls, IDictionary<string, string> settings, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, program));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = environment;
        start.Environment["ASPNETCORE_URLS"] = urls;
        start.Environment["ConnectionStrings__Portal"] = $"Data Source={Path.Combine(root, "portal.db")}";
        start.Environment["Uploads__Directory"] = Path.Combine(root, "uploads");
        start.Environment["Email__PickupDirectory"] = Path.Combine(root, "mail");
        start.Environment["Logging__Console__FormatterName"] = "simple";
        foreach (var (key, value) in settings)
        {
            start.Environment[key] = value;
        }

        return new PortalProcess(start);
    }

    /// <summary>The address from "Now listening on", once the portal serves requests.</summary>
    public async Task<Uri> ListeningAsync(TimeSpan timeout)
    {
        try
        {
            return await _listening.Task.WaitAsync(timeout);
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException("The portal did not start listening. Output:\n" + Output, ex);
        }
    }

    public Task WaitForExitAsync(TimeSpan timeout) => _process.WaitForExitAsync().WaitAsync(timeout);

    /// <summary>SIGTERM, as systemd stops a node (KillSignal): the host shuts down gracefully and exits.</summary>
    public async Task StopAsync(TimeSpan timeout)
    {
        if (_process.HasExited)
        {
            return;
        }

        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        await _process.WaitForExitAsync().WaitAsync(timeout);
    }

    /// <summary>SIGKILL: no shutdown, no flushing, as a crash or an out-of-memory kill.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }

    private void Read(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }

        if (ListeningPattern().Match(line) is { Success: true } match)
        {
            _listening.TrySetResult(new Uri(match.Groups[1].Value));
        }
    }

    [GeneratedRegex(@"Now listening on: (http://[^\s""]+)")]
    private static partial Regex ListeningPattern();
}
