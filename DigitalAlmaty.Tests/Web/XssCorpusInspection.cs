using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace DigitalAlmaty.Tests.Web;

/// <summary>Finds executable injected content in markup: the payloads' scripts, event handlers and script URLs.</summary>
public static class XssCorpusInspection
{
    private static readonly string[] UrlAttributes = ["href", "src", "action", "formaction", "xlink:href", "data", "background", "poster", "srcset"];

    /// <summary>One line per finding, naming the element and the marker of the payload when there is one.</summary>
    public static IReadOnlyList<string> Findings(string html)
    {
        var document = new HtmlParser().ParseDocument(html);
        var findings = new List<string>();
        foreach (var element in document.All)
        {
            if (element.LocalName == "script" && IsPayloadCode(element.TextContent))
            {
                findings.Add(Describe(element, "script"));
            }

            foreach (var attribute in element.Attributes)
            {
                var name = attribute.Name.ToLowerInvariant();
                if (name.StartsWith("on", StringComparison.Ordinal) && IsPayloadCode(attribute.Value))
                {
                    findings.Add(Describe(element, $"handler {name}"));
                }
                else if (UrlAttributes.Contains(name) && IsScriptUrl(attribute.Value))
                {
                    findings.Add(Describe(element, $"script URL in {name}"));
                }
                else if (name == "srcdoc" && attribute.Value.Contains("<script", StringComparison.OrdinalIgnoreCase))
                {
                    findings.Add(Describe(element, "srcdoc"));
                }
            }

            if (element.LocalName == "meta" && string.Equals(element.GetAttribute("http-equiv"), "refresh", StringComparison.OrdinalIgnoreCase)
                && (element.GetAttribute("content") ?? string.Empty).Contains("javascript", StringComparison.OrdinalIgnoreCase))
            {
                findings.Add(Describe(element, "meta refresh"));
            }
        }

        return findings;
    }

    /// <summary>The URL a browser would run as script: control and space characters are ignored, as browsers do.</summary>
    public static bool IsScriptUrl(string value)
    {
        var compact = new string(value.Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c) && c != '\u200b').ToArray()).ToLowerInvariant();
        return compact.StartsWith("javascript:", StringComparison.Ordinal) || compact.StartsWith("vbscript:", StringComparison.Ordinal)
            || compact.StartsWith("data:text/html", StringComparison.Ordinal);
    }

    private static bool IsPayloadCode(string text) =>
        text.Contains("__xss", StringComparison.Ordinal) || text.Contains("alert(", StringComparison.Ordinal) || text.Contains("eval(", StringComparison.Ordinal);

    private static string Describe(IElement element, string what)
    {
        var marker = XssCorpus.MarkerPattern().Match(element.OuterHtml);
        var outer = element.OuterHtml;
        return $"{(marker.Success ? marker.Value : "?")}: {what}: {outer[..Math.Min(outer.Length, 160)]}";
    }
}
