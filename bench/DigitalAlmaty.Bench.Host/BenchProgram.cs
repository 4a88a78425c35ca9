using DigitalAlmaty.Web;

namespace DigitalAlmaty.Bench.Host;

/// <summary>
/// The portal as <c>dotnet DigitalAlmaty.Web.dll</c> runs it, plus the bench's endpoints and timings.
/// Not named Program: the portal's entry point already is, and the tests see both.
/// </summary>
public static class BenchProgram
{
    public static Task<int> Main(string[] args) => PortalApplication.RunAsync(args, BenchExtensions.Create());
}
