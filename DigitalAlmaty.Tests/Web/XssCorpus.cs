using System.Text.RegularExpressions;

namespace DigitalAlmaty.Tests.Web;

/// <summary>The XSS corpus: XssCorpusPayloads.txt (embedded) plus a few very long strings made here.</summary>
public static partial class XssCorpus
{
    public static IReadOnlyList<XssCorpusPayload> All { get; } = Load();

    /// <summary>A marker anywhere in a text: P followed by three digits.</summary>
    [GeneratedRegex(@"P\d{3}")]
    public static partial Regex MarkerPattern();

    private static List<XssCorpusPayload> Load()
    {
        using var stream = typeof(XssCorpus).Assembly.GetManifestResourceStream("XssCorpusPayloads.txt")
            ?? throw new InvalidOperationException("XssCorpusPayloads.txt is not embedded.");
        using var reader = new StreamReader(stream);
        var templates = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && !line.StartsWith('#'))
            {
                templates.Add(line.Replace("\\n", "\n", StringComparison.Ordinal));
            }
        }

        // Very long strings: past every field's limit, and a deep nest of unclosed tags.
        templates.Add(new string('A', 5000) + "<script>__xss('{M}')</script>");
        templates.Add(string.Concat(Enumerable.Repeat("<div>", 400)) + "<img src=x onerror=__xss('{M}')>");
        templates.Add(string.Concat(Enumerable.Repeat("Алматы ", 30)) + "<svg onload=__xss('{M}')>");

        return templates.Select((t, i) =>
        {
            var marker = $"P{i + 1:D3}";
            return new XssCorpusPayload(marker, t.Replace("{M}", marker, StringComparison.Ordinal));
        }).ToList();
    }
}
