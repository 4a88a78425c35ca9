using System.ComponentModel;

namespace DigitalAlmaty.Web.Features.OpenData;

[Description("A news item, report or project of the department, as the lists show it.")]
public sealed record ApiPublicationSummary(
    [property: Description("Identifier of the publication.")]
    Guid Id,
    [property: Description("news, report or project, with its name in the response's language.")]
    ApiChoice Kind,
    [property: Description("Canonical address of the publication's page on the portal.")]
    [property: ApiExample("\"https://digital-almaty.kz/news/7e2d9c4a-6b1f-4f0e-9d3a-1c2b3a4d5e6f\"")]
    string Url,
    [property: Description("Language of the text (ru, kk or en): the requested one when it was written in it, Russian otherwise.")]
    [property: ApiExample("\"kk\"")]
    string Language,
    [property: Description("Title.")]
    string Title,
    [property: Description("Summary.")]
    string Summary,
    [property: Description("When it was published: an instant in UTC, ISO 8601 with offset.")]
    DateTimeOffset PublishedAt,
    [property: Description("The same instant in Almaty's civil time (Asia/Almaty).")]
    DateTimeOffset PublishedAtAlmaty,
    [property: Description("Address of the cover image, or null.")]
    string? CoverUrl,
    [property: Description("Attribution line to copy when the publication is reused (clause 3.5 of the user agreement).")]
    string Attribution);
