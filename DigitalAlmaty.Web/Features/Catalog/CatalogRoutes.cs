namespace DigitalAlmaty.Web.Features.Catalog;

/// <summary>The public lists and calendars, relative to the base (the <c>@page</c> and MapGet templates repeat them).</summary>
public static class CatalogRoutes
{
    public const string Ideas = "ideas";

    public const string Events = "events";

    public const string EventsCalendar = "events/calendar.ics";

    public static string EventCalendar(Guid id) => $"events/{id}.ics";
}
