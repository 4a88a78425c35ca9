using System.ServiceModel.Syndication;
using System.Text;
using System.Xml;
using DigitalAlmaty.Domain.Submissions;
using DigitalAlmaty.Domain.Time;
using DigitalAlmaty.Web.Features.Publications;
using DigitalAlmaty.Web.Features.Submissions;
using DigitalAlmaty.Web.Resources;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Microsoft.Extensions.Localization;

namespace DigitalAlmaty.Web.Features.Catalog;

/// <summary>
/// Atom feeds of news, ideas and events and iCalendar files of events (clause 3.5: every item links back
/// to its page on the portal). Times in calendars carry the Asia/Almaty zone.
/// </summary>
public static class FeedEndpoints
{
    public static RouteGroupBuilder MapPortalFeeds(this IEndpointRouteBuilder routes)
    {
        var endpoints = routes.MapGroup(string.Empty);
        endpoints.MapGet("/feeds/ideas.atom", async (
            HttpContext http, PublicCatalog catalog, IStringLocalizer<CatalogText> text, IStringLocalizer<SharedText> shared, IStringLocalizer<ParticipationText> participation) =>
        {
            var page = await catalog.IdeasAsync(null, IdeaSort.Newest, null, 50);
            // Each entry ends with where the idea stands: the city's answer and the residents' support.
            var items = page.Items.Select(i => Item(http, SubmissionRoutes.Item(SubmissionKind.Idea, i.Id), i.Title,
                $"{i.Summary}\n\n{Standing(i, participation)}", i.PublishedAt, i.Id));
            return Atom(http, "feeds/ideas.atom", $"{text["Ideas.Title"]} — {shared["Site.Name"]}", items);
        });

        endpoints.MapGet("/feeds/events.atom", async (HttpContext http, PublicCatalog catalog, IStringLocalizer<CatalogText> text, IStringLocalizer<SharedText> shared) =>
        {
            var page = await catalog.EventsAsync(past: false, null, 50);
            var items = page.Items.Select(e => Item(http, SubmissionRoutes.Item(SubmissionKind.Event, e.Id), e.Title, e.Description, e.StartsAt, e.Id));
            return Atom(http, "feeds/events.atom", $"{text["Events.Title"]} — {shared["Site.Name"]}", items);
        });

        endpoints.MapGet("/feeds/news.atom", async (HttpContext http, Publications.PublicationCatalog publications, IStringLocalizer<SharedText> shared) =>
        {
            var page = await publications.ListAsync(Domain.Publications.PublicationKind.News, Publications.PublicationSections.CurrentLanguage, null, 50);
            var items = page.Items.Select(n => Item(http, PublicationRoutes.NewsItem(n.Id), n.Title, n.Summary, n.PublishedAt, n.Id));
            return Atom(http, "feeds/news.atom", $"{shared["Nav.News"]} — {shared["Site.Name"]}", items);
        });

        endpoints.MapGet("/events/calendar.ics", async (HttpContext http, PublicCatalog catalog, IStringLocalizer<CatalogText> text) =>
        {
            var page = await catalog.EventsAsync(past: false, null, 200);
            return Calendar(http, page.Items, text["Events.Title"], "digital-almaty-events.ics");
        });

        endpoints.MapGet("/events/{id:guid}.ics", async (Guid id, HttpContext http, Submissions.SubmissionService submissions) =>
        {
            var cityEvent = await submissions.FindVisibleAsync<Domain.Events.CityEvent>(new System.Security.Claims.ClaimsPrincipal(), id);
            if (cityEvent is not { StartsAt: not null, EndsAt: not null })
            {
                return Results.NotFound();
            }

            var card = new EventCard(cityEvent.Id, cityEvent.Title, cityEvent.Description, cityEvent.StartsAt.Value, cityEvent.EndsAt.Value,
                cityEvent.Format, cityEvent.Venue, cityEvent.OnlineLink, cityEvent.Organiser, cityEvent.RegistrationLink);
            return Calendar(http, [card], cityEvent.Title, $"event-{id:N}.ics");
        });

        return endpoints;
    }

    private static string Absolute(HttpContext http, string path) => PortalUrls.Absolute(http.Request, path);

    /// <summary>"Принята · Поддержали: 8", or only the count before the city has answered.</summary>
    private static string Standing(IdeaCard idea, IStringLocalizer<ParticipationText> text) =>
        idea.CityStatus is { } status
            ? $"{text["Answer.Heading"]}: {text["Status." + status]} · {text["Support.Count", idea.SupportCount]}"
            : text["Support.Count", idea.SupportCount];

    private static SyndicationItem Item(HttpContext http, string path, string title, string summary, DateTimeOffset at, Guid id)
    {
        var item = new SyndicationItem(title, summary, new Uri(Absolute(http, path)), $"urn:uuid:{id}", at) { PublishDate = at };
        return item;
    }

    private static IResult Atom(HttpContext http, string selfPath, string title, IEnumerable<SyndicationItem> items)
    {
        var list = items.ToList();
        var feed = new SyndicationFeed(title, null, new Uri(Absolute(http, string.Empty)), Absolute(http, selfPath),
            list.Count > 0 ? list.Max(i => i.LastUpdatedTime) : DateTimeOffset.UnixEpoch, list);
        feed.Links.Add(new SyndicationLink(new Uri(Absolute(http, selfPath))) { RelationshipType = "self" });
        var buffer = new MemoryStream();
        using (var writer = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            new Atom10FeedFormatter(feed).WriteTo(writer);
        }

        return Results.Bytes(buffer.ToArray(), "application/atom+xml; charset=utf-8");
    }

    private static IResult Calendar(HttpContext http, IReadOnlyList<EventCard> events, string name, string fileName)
    {
        var calendar = new Calendar { ProductId = "-//Digital Almaty//digital-almaty.kz//RU" };
        calendar.AddProperty("X-WR-CALNAME", name);
        calendar.AddTimeZone(new VTimeZone(AlmatyTime.ZoneId));
        foreach (var e in events)
        {
            calendar.Events.Add(new CalendarEvent
            {
                Uid = $"{e.Id}@digital-almaty.kz",
                Summary = e.Title,
                Description = $"{e.Description}\n\n{Absolute(http, SubmissionRoutes.Item(SubmissionKind.Event, e.Id))}",
                Start = new CalDateTime(AlmatyTime.ToLocal(e.StartsAt), AlmatyTime.ZoneId),
                End = new CalDateTime(AlmatyTime.ToLocal(e.EndsAt), AlmatyTime.ZoneId),
                Location = string.IsNullOrEmpty(e.Venue) ? e.OnlineLink : e.Venue,
                Url = new Uri(Absolute(http, SubmissionRoutes.Item(SubmissionKind.Event, e.Id))),
                Organizer = string.IsNullOrEmpty(e.Organiser) ? null : new Organizer { CommonName = e.Organiser, Value = new Uri("mailto:no-reply@digital-almaty.kz") },
            });
        }

        var body = new CalendarSerializer().SerializeToString(calendar) ?? string.Empty;
        return Results.File(Encoding.UTF8.GetBytes(body), "text/calendar; charset=utf-8", fileName);
    }
}
