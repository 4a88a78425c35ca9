using System.Globalization;
using System.Text;

namespace DigitalAlmaty.Web.Features.Files;

/// <summary>
/// The name a browser gave an uploaded file, made safe to keep and to offer back in a download:
/// only its last segment (either slash), without control or direction-changing characters (a NUL
/// breaks PostgreSQL text, CR/LF a header, U+202E disguises "gpj.exe" as "exe.jpg"), with the
/// characters Windows refuses in names replaced by "_", at most
/// <see cref="MaxLength"/> characters without splitting one. The file itself is always stored under
/// a generated name; this is only what the download is called.
/// </summary>
public static class UploadFileName
{
    public const int MaxLength = 255;

    public const string Fallback = "file";

    public static string Sanitize(string? name)
    {
        var last = (name ?? string.Empty).Split('/', '\\')[^1];
        var kept = new StringBuilder(last.Length);
        foreach (var rune in last.EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            if (category is not (UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate
                or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned or UnicodeCategory.LineSeparator
                or UnicodeCategory.ParagraphSeparator))
            {
                kept.Append(rune.Value is '"' or '<' or '>' or '|' or ':' or '*' or '?' ? "_" : rune.ToString());
            }
        }

        var clean = kept.ToString().Trim().Trim('.').Trim();
        if (clean.Length > MaxLength)
        {
            clean = Truncate(clean);
        }

        return clean.Length == 0 ? Fallback : clean;
    }

    private static string Truncate(string text)
    {
        var end = 0;
        var elements = StringInfo.GetTextElementEnumerator(text);
        while (elements.MoveNext() && elements.ElementIndex + elements.GetTextElement().Length <= MaxLength)
        {
            end = elements.ElementIndex + elements.GetTextElement().Length;
        }

        return text[..end];
    }
}
