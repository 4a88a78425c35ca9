using System.ComponentModel;

namespace DigitalAlmaty.Web.Features.OpenData;

[Description("A published idea or event that matches the search.")]
public sealed record ApiSearchHit(
    [property: Description("idea or event, with its name in the response's language.")]
    ApiChoice Kind,
    [property: Description("Identifier of the item (read it at /api/v1/ideas/{id} or /api/v1/events/{id}).")]
    Guid Id,
    [property: Description("Canonical address of the item's page on the portal.")]
    string Url,
    [property: Description("Title, plain text.")]
    string Title,
    [property: Description("The part of the text that matched, plain text.")]
    string Snippet);
