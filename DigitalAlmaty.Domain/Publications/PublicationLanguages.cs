namespace DigitalAlmaty.Domain.Publications;

/// <summary>The portal's content languages; Russian first.</summary>
public static class PublicationLanguages
{
    public const string Russian = "ru";
    public const string Kazakh = "kk";
    public const string English = "en";

    public static IReadOnlyList<string> All { get; } = [Russian, Kazakh, English];

    public static bool IsKnown(string? language) => language is not null && All.Contains(language, StringComparer.Ordinal);

    /// <summary>"kk-KZ" → "kk"; anything unknown → Russian.</summary>
    public static string FromCulture(string? culture)
    {
        var two = culture is { Length: >= 2 } ? culture[..2].ToLowerInvariant() : Russian;
        return IsKnown(two) ? two : Russian;
    }
}
