using System.ComponentModel;

namespace DigitalAlmaty.Web.Features.OpenData;

[Description("A published idea as the lists show it.")]
public sealed record ApiIdeaSummary(
    [property: Description("Identifier of the idea.")]
    [property: ApiExample("\"0b6f2f5e-3c1d-4b8a-9a57-2f1f0f8f4b11\"")]
    Guid Id,
    [property: Description("Canonical address of the idea's page on the portal.")]
    [property: ApiExample("\"https://digital-almaty.kz/ideas/0b6f2f5e-3c1d-4b8a-9a57-2f1f0f8f4b11\"")]
    string Url,
    [property: Description("Title, as the author wrote it.")]
    [property: ApiExample("\"Единая карта свободных парковок\"")]
    string Title,
    [property: Description("Short summary, as the author wrote it.")]
    string Summary,
    [property: Description("Category, or null when none was chosen.")]
    ApiChoice? Category,
    [property: Description("Tags chosen by the author.")]
    [property: ApiExample("[\"парковки\", \"открытые данные\"]")]
    IReadOnlyList<string> Tags,
    [property: Description("How many participants support the idea.")]
    [property: ApiExample("12")]
    int SupportCount,
    [property: Description("Where the city stands on the idea (under-consideration, accepted, in-progress, implemented or declined), or null before its first answer.")]
    ApiChoice? CityStatus,
    [property: Description("The author's public display name (never an e-mail address), or a neutral name when the account no longer exists.")]
    [property: ApiExample("\"Айжан Серикова\"")]
    string AuthorName,
    [property: Description("When the idea was published: an instant in UTC, ISO 8601 with offset.")]
    [property: ApiExample("\"2026-12-08T05:30:00+00:00\"")]
    DateTimeOffset PublishedAt,
    [property: Description("The same instant in Almaty's civil time (Asia/Almaty), as a person in the city reads it.")]
    [property: ApiExample("\"2026-12-08T10:30:00+05:00\"")]
    DateTimeOffset PublishedAtAlmaty,
    [property: Description("Attribution line to copy when the idea is reused (clause 3.5 of the user agreement).")]
    string Attribution);
