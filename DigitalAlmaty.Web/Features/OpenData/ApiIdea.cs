using System.ComponentModel;

namespace DigitalAlmaty.Web.Features.OpenData;

[Description("A published idea with its full text.")]
public sealed record ApiIdea(
    [property: Description("Identifier of the idea.")]
    Guid Id,
    [property: Description("Canonical address of the idea's page on the portal.")]
    [property: ApiExample("\"https://digital-almaty.kz/ideas/0b6f2f5e-3c1d-4b8a-9a57-2f1f0f8f4b11\"")]
    string Url,
    [property: Description("Title, as the author wrote it.")]
    string Title,
    [property: Description("Short summary.")]
    string Summary,
    [property: Description("Category, or null when none was chosen.")]
    ApiChoice? Category,
    [property: Description("Tags chosen by the author.")]
    IReadOnlyList<string> Tags,
    [property: Description("The goal of the project.")]
    string Goal,
    [property: Description("The tasks it would solve.")]
    string Tasks,
    [property: Description("The expected benefit to the city.")]
    string CityBenefit,
    [property: Description("Examples of earlier implementations elsewhere.")]
    string PriorImplementations,
    [property: Description("How many participants support the idea.")]
    [property: ApiExample("12")]
    int SupportCount,
    [property: Description("Where the city stands on the idea (under-consideration, accepted, in-progress, implemented or declined), or null before its first answer.")]
    ApiChoice? CityStatus,
    [property: Description("The author's public display name (never an e-mail address).")]
    string AuthorName,
    [property: Description("When the idea was published: an instant in UTC, ISO 8601 with offset.")]
    [property: ApiExample("\"2026-12-08T05:30:00+00:00\"")]
    DateTimeOffset PublishedAt,
    [property: Description("The same instant in Almaty's civil time (Asia/Almaty).")]
    [property: ApiExample("\"2026-12-08T10:30:00+05:00\"")]
    DateTimeOffset PublishedAtAlmaty,
    [property: Description("Address of the cover image, or null.")]
    string? CoverUrl,
    [property: Description("Attribution line to copy when the idea is reused (clause 3.5 of the user agreement).")]
    string Attribution);
