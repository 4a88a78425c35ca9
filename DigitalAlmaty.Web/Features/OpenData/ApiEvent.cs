using System.ComponentModel;

namespace DigitalAlmaty.Web.Features.OpenData;

[Description("A published city IT event.")]
public sealed record ApiEvent(
    [property: Description("Identifier of the event.")]
    Guid Id,
    [property: Description("Canonical address of the event's page on the portal.")]
    [property: ApiExample("\"https://digital-almaty.kz/events/5d0c7a7e-1f55-4c1e-8a0b-6a1b7d2e9c30\"")]
    string Url,
    [property: Description("Address of the event's iCalendar file.")]
    string CalendarUrl,
    [property: Description("Title, as the organiser wrote it.")]
    [property: ApiExample("\"Встреча разработчиков городских сервисов\"")]
    string Title,
    [property: Description("Description, as the organiser wrote it.")]
    string Description,
    [property: Description("Start: an instant in UTC, ISO 8601 with offset.")]
    [property: ApiExample("\"2031-05-20T09:00:00+00:00\"")]
    DateTimeOffset StartsAt,
    [property: Description("Start in Almaty's civil time (Asia/Almaty).")]
    [property: ApiExample("\"2031-05-20T14:00:00+05:00\"")]
    DateTimeOffset StartsAtAlmaty,
    [property: Description("End: an instant in UTC, ISO 8601 with offset.")]
    DateTimeOffset EndsAt,
    [property: Description("End in Almaty's civil time (Asia/Almaty).")]
    DateTimeOffset EndsAtAlmaty,
    [property: Description("Format: inPerson, online or hybrid.")]
    ApiChoice Format,
    [property: Description("Venue (empty for online events).")]
    string Venue,
    [property: Description("Link to join online (empty for in-person events).")]
    string OnlineLink,
    [property: Description("The organiser, as published.")]
    string Organiser,
    [property: Description("Registration link, or empty.")]
    string RegistrationLink,
    [property: Description("Attribution line to copy when the event is reused (clause 3.5 of the user agreement).")]
    string Attribution);
