using System.Globalization;
using DigitalAlmaty.Domain.Ideas;
using DigitalAlmaty.Domain.Participation;
using DigitalAlmaty.Domain.Publications;
using DigitalAlmaty.Domain.Submissions;
using DigitalAlmaty.Domain.Time;
using DigitalAlmaty.Web.Features.Catalog;
using DigitalAlmaty.Web.Features.Mail;
using DigitalAlmaty.Web.Features.Participation;
using DigitalAlmaty.Web.Features.Publications;
using DigitalAlmaty.Web.Features.Submissions;
using DigitalAlmaty.Web.Resources;
using Microsoft.Extensions.Localization;

namespace DigitalAlmaty.Web.Features.OpenData;

/// <summary>
/// Turns what the catalog's queries return into the API's items, in the current UI culture: names
/// of codes localized, instants in UTC and in Almaty's time, canonical links on the configured
/// public address (never the request's Host), and the attribution line of clause 3.5.
/// </summary>
public sealed class ApiItems(
    PublicLinks links,
    IStringLocalizer<SubmissionText> submissions,
    IStringLocalizer<CatalogText> catalog,
    IStringLocalizer<PublicationText> publications,
    IStringLocalizer<ParticipationText> participation,
    IStringLocalizer<SharedText> shared,
    IStringLocalizer<OpenDataText> text)
{
    public string License => text["License"];

    public string Link(string relativePath) => links.To("/" + relativePath.TrimStart('/'));

    public string Link(string path, IEnumerable<KeyValuePair<string, string?>> query) => links.To(path, query);

    public ApiIdeaSummary Summary(IdeaCard card)
    {
        var url = Link(SubmissionRoutes.Item(SubmissionKind.Idea, card.Id));
        return new ApiIdeaSummary(
            card.Id, url, card.Title, card.Summary, Category(card.Category), card.Tags, card.SupportCount, Status(card.CityStatus),
            PublicCatalog.AuthorName(catalog, card.AuthorName), Utc(card.PublishedAt), Almaty(card.PublishedAt),
            Attribution(card.Title, url));
    }

    public ApiIdea Item(Idea idea, string authorName)
    {
        var url = Link(SubmissionRoutes.Item(SubmissionKind.Idea, idea.Id));
        var published = idea.PublishedAt ?? idea.UpdatedAt;
        return new ApiIdea(
            idea.Id, url, idea.Title, idea.Summary, Category(idea.Category), idea.Tags, idea.Goal, idea.Tasks, idea.CityBenefit,
            idea.PriorImplementations, idea.SupportCount, Status(idea.CityStatus), PublicCatalog.AuthorName(catalog, authorName), Utc(published), Almaty(published),
            File(idea.CoverImageId), Attribution(idea.Title, url));
    }

    public ApiEvent Event(EventCard card)
    {
        var url = Link(SubmissionRoutes.Item(SubmissionKind.Event, card.Id));
        var format = card.Format.ToString();
        return new ApiEvent(
            card.Id, url, Link(CatalogRoutes.EventCalendar(card.Id)), card.Title, card.Description,
            Utc(card.StartsAt), Almaty(card.StartsAt), Utc(card.EndsAt), Almaty(card.EndsAt),
            new ApiChoice(char.ToLowerInvariant(format[0]) + format[1..], submissions["Format." + format]),
            card.Venue, card.OnlineLink, card.Organiser, card.RegistrationLink, Attribution(card.Title, url));
    }

    public ApiPublicationSummary Summary(PublicationCard card)
    {
        var url = Link(PublicationSections.PathOf(card.Kind) + "/" + card.Id);
        return new ApiPublicationSummary(
            card.Id, Kind(card.Kind), url, card.Language, card.Title, card.Summary, Utc(card.PublishedAt), Almaty(card.PublishedAt),
            File(card.CoverImageId), Attribution(card.Title, url));
    }

    public ApiPublication Item(Publication publication, IReadOnlyList<AttachmentInfo> attachments, string language)
    {
        var url = Link(PublicationSections.PathOf(publication.Kind) + "/" + publication.Id);
        var content = publication.TextIn(language) is { IsBlank: false } own ? own : publication.TextFor(PublicationLanguages.Russian);
        var published = publication.PublishAt ?? publication.UpdatedAt;
        return new ApiPublication(
            publication.Id, Kind(publication.Kind), url, content.Language,
            [.. publication.Texts.Where(t => !t.IsBlank).Select(t => t.Language)],
            content.Title, content.Summary, content.Body, Utc(published), Almaty(published), File(publication.CoverImageId),
            [.. attachments.Select(a => new ApiAttachment(a.Name, a.ContentType, a.Length, File(a.Id)!))],
            Attribution(content.Title, url));
    }

    public ApiSearchHit Hit(SearchHit hit) => new(
        new ApiChoice(hit.Kind == SubmissionKind.Idea ? "idea" : "event", submissions["Kind." + hit.Kind]),
        hit.Id,
        Link(hit.Path),
        string.Concat(hit.Title.Select(r => r.Text)),
        string.Concat(hit.Snippet.Select(r => r.Text)));

    public static string KindCode(PublicationKind kind) => kind switch
    {
        PublicationKind.Report => "report",
        PublicationKind.Project => "project",
        _ => "news",
    };

    public static PublicationKind? KindOf(string? code) => code?.ToLowerInvariant() switch
    {
        "news" => PublicationKind.News,
        "report" => PublicationKind.Report,
        "project" => PublicationKind.Project,
        _ => null,
    };

    private ApiChoice Kind(PublicationKind kind) => new(KindCode(kind), publications["Kind." + kind]);

    private ApiChoice? Category(string? code) =>
        IdeaCategories.IsKnown(code) ? new ApiChoice(code!, submissions["Category." + code]) : null;

    private ApiChoice? Status(CityStatus? status) =>
        status is { } known ? new ApiChoice(CityStatusSlugs.Of(known), participation["Status." + known]) : null;

    private string? File(Guid? id) => id is { } file ? Link("files/" + file) : null;

    private string Attribution(string title, string url) =>
        string.Format(CultureInfo.CurrentCulture, text["Attribution"], title, shared["Site.Name"], url);

    private static DateTimeOffset Utc(DateTimeOffset instant) => instant.ToUniversalTime();

    private static DateTimeOffset Almaty(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, AlmatyTime.Zone);
}
