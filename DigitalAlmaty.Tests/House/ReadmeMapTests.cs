using System.Text.RegularExpressions;

namespace DigitalAlmaty.Tests.House;

/// <summary>
/// The README's "Architecture on one screen" answers "where does X live" only while it names every
/// folder: each top-level folder of the repository and of the portal, each feature and each part of
/// Components must appear in it (as <c>Name/</c>), and it must not name a folder that is gone.
/// </summary>
public sealed partial class ReadmeMapTests
{
    private static readonly HashSet<string> NotMapped = new(StringComparer.Ordinal)
    {
        "bin", "obj", "node_modules", "TestResults", "Properties", "wwwroot", ".git", ".ci", ".github",
    };

    private static string Map()
    {
        var readme = File.ReadAllText(Path.Combine(SourceTree.Root, "README.md"));
        var start = readme.IndexOf("## Architecture on one screen", StringComparison.Ordinal);
        Assert.True(start >= 0, "README.md has no \"## Architecture on one screen\" section.");
        var end = readme.IndexOf("\n## ", start + 5, StringComparison.Ordinal);
        return end < 0 ? readme[start..] : readme[start..end];
    }

    private static IEnumerable<string> Folders(string relative) =>
        new DirectoryInfo(Path.Combine(SourceTree.Root, relative)).EnumerateDirectories()
            .Where(d => !NotMapped.Contains(d.Name) && !d.Name.StartsWith('.'))
            .Select(d => d.Name);

    [Fact]
    public void EveryFolder_IsOnTheMap()
    {
        var map = Map();
        var expected = Folders(".").Select(f => f + "/")
            .Concat(Folders("DigitalAlmaty.Web").Select(f => f == "Features" || f == "Components" ? null : f + "/"))
            .Concat(Folders("DigitalAlmaty.Web/Features").Select(f => $"Features/{f}/"))
            .Concat(Folders("DigitalAlmaty.Web/Components").Select(f => f + "/"))
            .Concat(Folders("DigitalAlmaty.Tests").Select(f => f + "/"))
            .OfType<string>()
            .ToList();
        var missing = expected.Where(f => !map.Contains(f, StringComparison.Ordinal)).ToList();
        Assert.True(missing.Count == 0, $"README's map does not name: {string.Join(", ", missing)}");
    }

    [Fact]
    public void TheMap_NamesNoFeatureThatIsGone()
    {
        var features = Folders("DigitalAlmaty.Web/Features").ToHashSet(StringComparer.Ordinal);
        var named = FeaturePattern().Matches(Map()).Select(m => m.Groups[1].Value).Distinct().ToList();
        var gone = named.Where(n => !features.Contains(n)).ToList();
        Assert.True(gone.Count == 0, $"README's map names features that do not exist: {string.Join(", ", gone)}");
        Assert.NotEmpty(named);
    }

    [GeneratedRegex(@"Features/([A-Za-z]+)/")]
    private static partial Regex FeaturePattern();
}
