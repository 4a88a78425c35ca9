namespace DigitalAlmaty.Domain.Publications;

/// <summary>A publication's title, summary and Markdown body in one language.</summary>
public sealed record PublicationContent(string Language, string Title, string Summary, string Body)
{
    public bool IsBlank => string.IsNullOrWhiteSpace(Title) && string.IsNullOrWhiteSpace(Summary) && string.IsNullOrWhiteSpace(Body);
}
