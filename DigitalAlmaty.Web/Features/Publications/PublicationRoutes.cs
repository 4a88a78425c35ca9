namespace DigitalAlmaty.Web.Features.Publications;

/// <summary>Addresses of the news, relative to the base (the <c>@page</c> directives repeat them).</summary>
public static class PublicationRoutes
{
    public const string News = "news";

    public static string NewsItem(Guid id) => $"news/{id}";
}
