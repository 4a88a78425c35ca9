using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace DigitalAlmaty.Web.Features.Mail;

/// <summary>
/// Absolute links for letters, always on <see cref="PortalLinkOptions.PublicBaseUrl"/>. A link built
/// from the request (Host, X-Forwarded-Host, PathBase) would let anyone who can send a request choose
/// where a password-reset code goes.
/// </summary>
public sealed class PublicLinks(IOptions<PortalLinkOptions> options)
{
    /// <summary>The configured base address without a trailing slash.</summary>
    public string BaseUrl => options.Value.PublicBaseUrl.TrimEnd('/');

    /// <summary><paramref name="path"/> (starting with '/') on the public address, with the query's values encoded.</summary>
    public string To(string path, IEnumerable<KeyValuePair<string, string?>>? query = null)
    {
        if (!path.StartsWith('/'))
        {
            throw new ArgumentException("A link's path starts with '/'.", nameof(path));
        }

        var link = BaseUrl + path;
        return query is null ? link : QueryHelpers.AddQueryString(link, query);
    }
}
