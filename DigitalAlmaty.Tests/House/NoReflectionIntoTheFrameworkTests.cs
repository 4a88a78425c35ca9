using System.Text.RegularExpressions;

namespace DigitalAlmaty.Tests.House;

/// <summary>
/// No code of the portal or its bench host reaches a non-public member (issue #14): a framework
/// update may change those without notice. Where the framework offers no public way, an ADR says so
/// and a test pins the framework version (none needed today: ADR 0005 found a public way for the
/// static public pages).
/// </summary>
public sealed partial class NoReflectionIntoTheFrameworkTests
{
    private static readonly string[] Projects = ["DigitalAlmaty.Web/", "DigitalAlmaty.Domain/", "bench/DigitalAlmaty.Bench.Host/"];

    [Fact]
    public void NoCode_ReachesNonPublicMembers()
    {
        var files = SourceTree.HandWrittenFiles(".cs", ".razor").Where(f => Projects.Any(p => f.StartsWith(p, StringComparison.Ordinal))).ToList();
        Assert.Contains("DigitalAlmaty.Web/Features/Catalog/StaticPublicPages.cs", files);
        Assert.Contains("bench/DigitalAlmaty.Bench.Host/BenchProgram.cs", files);

        var found = files
            .SelectMany(f => File.ReadLines(SourceTree.Full(f)).Select((line, i) => (File: f, Line: i + 1, Text: line)))
            .Where(l => WayIn().IsMatch(l.Text))
            .Select(l => $"{l.File}:{l.Line}: {l.Text.Trim()}")
            .ToList();
        Assert.True(found.Count == 0, "Reflection into non-public members (find a public way, or write an ADR and pin the version):\n" + string.Join('\n', found));
    }

    [Theory]
    [InlineData("System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic,", true)]
    [InlineData("[UnsafeAccessor(UnsafeAccessorKind.Constructor)]", true)]
    [InlineData("var t = Type.GetType(\"Microsoft.AspNetCore.Components.Endpoints.ConfiguredRenderModesMetadata, Microsoft.AspNetCore.Components.Endpoints\");", true)]
    [InlineData("metadata.Select(item => item.GetType().Name)", false)]
    [InlineData("BindingFlags.Public | BindingFlags.Static", false)]
    public void ThePattern_SeesTheWaysIn(string line, bool isWayIn) => Assert.Equal(isWayIn, WayIn().IsMatch(line));

    [GeneratedRegex(@"BindingFlags\.NonPublic|\bUnsafeAccessor\b|Type\.GetType\(\s*""Microsoft\.")]
    private static partial Regex WayIn();
}
