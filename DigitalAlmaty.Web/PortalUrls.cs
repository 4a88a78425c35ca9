namespace DigitalAlmaty.Web;

/// <summary>Absolute addresses of the portal's own pages, for feeds, sitemaps and canonical links.</summary>
public static class PortalUrls
{
    /// <summary>The site's root, ending with a slash: scheme, host and path base of this request.</summary>
    public static string Root(HttpRequest request) => $"{request.Scheme}://{request.Host}{request.PathBase}/";

    /// <summary><paramref name="path"/> is relative to the root (no leading slash).</summary>
    public static string Absolute(HttpRequest request, string path) => Root(request) + path.TrimStart('/');
}
