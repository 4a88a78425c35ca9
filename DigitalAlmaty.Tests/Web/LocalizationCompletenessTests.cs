using System.Xml.Linq;

namespace DigitalAlmaty.Tests.Web;

/// <summary>Every string exists, non-empty, in Russian, Kazakh and English, with the same placeholders.</summary>
public class LocalizationCompletenessTests
{
    private static string ResourcesDirectory
    {
        get
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "DigitalAlmaty.Blazor.sln")))
            {
                directory = directory.Parent;
            }

            return Path.Combine(directory?.FullName ?? throw new DirectoryNotFoundException("Repository root not found."), "DigitalAlmaty.Web", "Resources");
        }
    }

    public static TheoryData<string> ResourceSets()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(ResourcesDirectory, "*.resx").Where(f => Path.GetFileName(f).Count(c => c == '.') == 1))
        {
            data.Add(Path.GetFileNameWithoutExtension(file));
        }

        return data;
    }

    private static Dictionary<string, string> Load(string path) =>
        XDocument.Load(path).Root!.Elements("data")
            .ToDictionary(d => d.Attribute("name")!.Value, d => d.Element("value")?.Value ?? string.Empty);

    [Theory]
    [MemberData(nameof(ResourceSets))]
    public void EveryKey_HasKazakhAndEnglish_WithTheSamePlaceholders(string set)
    {
        var russian = Load(Path.Combine(ResourcesDirectory, set + ".resx"));
        Assert.NotEmpty(russian);
        foreach (var language in new[] { "kk", "en" })
        {
            var translated = Load(Path.Combine(ResourcesDirectory, $"{set}.{language}.resx"));
            Assert.Empty(russian.Keys.Except(translated.Keys));
            Assert.Empty(translated.Keys.Except(russian.Keys));
            foreach (var (key, value) in russian)
            {
                Assert.False(string.IsNullOrWhiteSpace(translated[key]), $"{set}.{language}: {key} is empty");
                Assert.Equal(Placeholders(value), Placeholders(translated[key]));
            }
        }
    }

    [Fact]
    public void KazakhText_IsCyrillic()
    {
        foreach (var file in Directory.GetFiles(ResourcesDirectory, "*.kk.resx"))
        {
            foreach (var (key, value) in Load(file))
            {
                var latinLetters = value.Count(c => c is >= 'a' and <= 'z' or >= 'A' and <= 'Z');
                var cyrillicLetters = value.Count(c => c is >= '\u0400' and <= '\u04FF');
                Assert.True(cyrillicLetters >= latinLetters, $"{Path.GetFileName(file)}: {key} looks Latin: {value}");
            }
        }
    }

    private static string[] Placeholders(string text) =>
        System.Text.RegularExpressions.Regex.Matches(text, @"\{\d+\}").Select(m => m.Value).Order().ToArray();
}
