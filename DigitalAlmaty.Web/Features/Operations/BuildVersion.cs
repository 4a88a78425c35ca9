using System.Reflection;

namespace DigitalAlmaty.Web.Features.Operations;

/// <summary>
/// This build's version and commit. The SDK writes the commit into the informational version
/// (<c>1.0.0+0e26a9b…</c>) when it builds from a git checkout; a build outside one has no commit.
/// </summary>
public static class BuildVersion
{
    public static string Informational { get; } =
        typeof(BuildVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(BuildVersion).Assembly.GetName().Version?.ToString()
        ?? "0.0.0";

    public static string Version { get; } = Informational.Split('+', 2)[0];

    public static string? Commit { get; } = Informational.Split('+', 2) is [_, { Length: > 0 } commit] ? commit : null;
}
