using DigitalAlmaty.Web.Features.Mail;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace DigitalAlmaty.Web.Features.OpenData;

/// <summary>The document's title, description and server: the portal's configured public address.</summary>
public sealed class OpenDataDocumentTransformer(PublicLinks links) : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = "Digital Almaty open API",
            Version = "v1",
            Description = """
                Read-only access to what the Almaty city portal publishes: ideas for the city, IT events,
                and the department's news, reports and projects. Only published material is served, and of
                people only their public display names.

                * **Language**: `?culture=ru-RU` (default), `kk-KZ` or `en-US`, or the `Accept-Language`
                  header. It chooses the names of categories and formats, the attribution line and error
                  messages; the texts are as their authors wrote them.
                * **Time**: instants are ISO 8601 with an offset, in UTC (`publishedAt`) and in Almaty's civil
                  time (`publishedAtAlmaty`).
                * **Paging**: lists are cut into pages by a keyset cursor; follow `next` until it is null.
                * **Caching**: answers carry an `ETag`; send it back in `If-None-Match` to get `304 Not Modified`.
                * **Limits**: requests per minute are limited per client address; a refusal is `429` with
                  `Retry-After`. Every error is `application/problem+json` (RFC 9457).
                * **Reuse** (clause 3.5 of the user agreement): material may be reused with a link to its page
                  on the portal; each item carries its `url` and an `attribution` line.
                """,
        };
        document.Servers = [new OpenApiServer { Url = links.BaseUrl, Description = "The portal" }];
        return Task.CompletedTask;
    }
}
