using System.ComponentModel;

namespace DigitalAlmaty.Web.Features.OpenData;

[Description("A news item, report or project of the department with its full text and files.")]
public sealed record ApiPublication(
    [property: Description("Identifier of the publication.")]
    Guid Id,
    [property: Description("news, report or project, with its name in the response's language.")]
    ApiChoice Kind,
    [property: Description("Canonical address of the publication's page on the portal.")]
    string Url,
    [property: Description("Language of the text (ru, kk or en): the requested one when it was written in it, Russian otherwise.")]
    string Language,
    [property: Description("Languages the publication is written in.")]
    [property: ApiExample("[\"ru\", \"kk\"]")]
    IReadOnlyList<string> Languages,
    [property: Description("Title.")]
    string Title,
    [property: Description("Summary.")]
    string Summary,
    [property: Description("Body in Markdown.")]
    string BodyMarkdown,
    [property: Description("When it was published: an instant in UTC, ISO 8601 with offset.")]
    DateTimeOffset PublishedAt,
    [property: Description("The same instant in Almaty's civil time (Asia/Almaty).")]
    DateTimeOffset PublishedAtAlmaty,
    [property: Description("Address of the cover image, or null.")]
    string? CoverUrl,
    [property: Description("Attached files.")]
    IReadOnlyList<ApiAttachment> Attachments,
    [property: Description("Attribution line to copy when the publication is reused (clause 3.5 of the user agreement).")]
    string Attribution);
