using System.ComponentModel;
using System.Globalization;
using DigitalAlmaty.Domain.Ideas;
using DigitalAlmaty.Web.Features.Catalog;
using DigitalAlmaty.Web.Features.Participation;
using DigitalAlmaty.Web.Features.Publications;
using DigitalAlmaty.Web.Localization;
using DigitalAlmaty.Web.Resources;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace DigitalAlmaty.Web.Features.OpenData;

/// <summary>
/// The public read API: published ideas, events and publications, item by id, and search. Each
/// handler asks the same query code the public pages use (<see cref="PublicCatalog"/>,
/// <see cref="PublicationCatalog"/>, <see cref="PortalSearch"/>), so the API shows exactly what a
/// reader of the pages sees, and nothing unpublished.
/// </summary>
public static class OpenDataEndpoints
{
    public const int MaxLimit = 100;

    private const string CursorText = "Opaque keyset cursor from the previous page's next link; omit it for the first page.";
    private const string LimitText = "Items per page, 1 to 100 (20 when omitted).";

    public static RouteGroupBuilder MapOpenDataEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup(OpenDataRoutes.ApiBase);

        api.MapGet("/ideas", ListIdeasAsync).WithName("listIdeas").WithTags("Ideas")
            .WithSummary("Published ideas, newest first")
            .WithDescription("Ideas for the city published after moderation, newest first, in pages. Follow `next` to walk the whole list: each idea appears exactly once.");
        api.MapGet("/ideas/{id:guid}", GetIdeaAsync).WithName("getIdea").WithTags("Ideas")
            .WithSummary("One published idea")
            .WithDescription("The full text of a published idea. An unknown, unpublished or hidden idea answers 404.");
        api.MapGet("/events", ListEventsAsync).WithName("listEvents").WithTags("Events")
            .WithSummary("Published events, upcoming or past")
            .WithDescription("Upcoming events soonest first (events still running count as upcoming), or past events latest first.");
        api.MapGet("/events/{id:guid}", GetEventAsync).WithName("getEvent").WithTags("Events")
            .WithSummary("One published event")
            .WithDescription("A published event. An unknown or unpublished event answers 404.");
        api.MapGet("/publications", ListPublicationsAsync).WithName("listPublications").WithTags("Publications")
            .WithSummary("News, reports or projects of the department, newest first")
            .WithDescription("Publications of one kind visible on the portal, newest first, in the requested language when they are written in it (Russian otherwise).");
        api.MapGet("/publications/{id:guid}", GetPublicationAsync).WithName("getPublication").WithTags("Publications")
            .WithSummary("One publication")
            .WithDescription("The full text (Markdown) and files of a visible publication. An unknown or unpublished one answers 404.");
        api.MapGet("/search", SearchAsync).WithName("search").WithTags("Search")
            .WithSummary("Full-text search over published ideas and events")
            .WithDescription("Plain words (any script); all must match, the last one as a prefix. Best match first, up to 50 pages.");
        return api;
    }

    private static async Task<Results<Ok<ApiPage<ApiIdeaSummary>>, ProblemHttpResult>> ListIdeasAsync(
        [Description("Category code: e-government, transport, education, health, ecology, safety, open-data or smart-city.")] string? category,
        [Description("One tag, exactly as the author wrote it (a leading # is ignored).")] string? tag,
        [Description("The city's status: under-consideration, accepted, in-progress, implemented or declined.")] string? status,
        [Description(CursorText)] string? cursor,
        [Description(LimitText)] int? limit,
        PublicCatalog catalog, ApiItems items, IStringLocalizer<OpenDataText> text)
    {
        if (!string.IsNullOrEmpty(category) && !IdeaCategories.IsKnown(category))
        {
            return OpenDataProblems.BadQuery(text, Format(text["Query.Category"], category));
        }

        if (tag is not null && tag.Trim().TrimStart('#').Length > Idea.TagMaxLength)
        {
            return OpenDataProblems.BadQuery(text, Format(text["Query.Tag"], Idea.TagMaxLength));
        }

        var cityStatus = CityStatusSlugs.Parse(status);
        if (!string.IsNullOrEmpty(status) && cityStatus is null)
        {
            return OpenDataProblems.BadQuery(text, Format(text["Query.Status"], status));
        }

        if (Check(cursor, limit, text) is { } problem)
        {
            return problem;
        }

        var page = await catalog.IdeasAsync(category, IdeaSort.Newest, cursor, limit ?? PublicCatalog.PageSize, tag, cityStatus);
        var next = Next(items, OpenDataRoutes.Ideas, page.NextCursor, ("category", category), ("tag", tag), ("status", status), ("limit", Number(limit)));
        return TypedResults.Ok(new ApiPage<ApiIdeaSummary>([.. page.Items.Select(items.Summary)], next, items.License));
    }

    private static async Task<Results<Ok<ApiIdea>, ProblemHttpResult>> GetIdeaAsync(
        [Description("Identifier of the idea.")] Guid id, PublicCatalog catalog, ApiItems items, IStringLocalizer<OpenDataText> text) =>
        await catalog.IdeaAsync(id) is { } found ? TypedResults.Ok(items.Item(found.Idea, found.AuthorName)) : OpenDataProblems.NotFound(text);

    private static async Task<Results<Ok<ApiPage<ApiEvent>>, ProblemHttpResult>> ListEventsAsync(
        [Description("upcoming (default) or past.")] string? when,
        [Description(CursorText)] string? cursor,
        [Description(LimitText)] int? limit,
        PublicCatalog catalog, ApiItems items, IStringLocalizer<OpenDataText> text)
    {
        var past = when?.ToLowerInvariant() switch
        {
            null or "" or "upcoming" => false,
            "past" => true,
            _ => (bool?)null,
        };
        if (past is null)
        {
            return OpenDataProblems.BadQuery(text, text["Query.When"]);
        }

        if (Check(cursor, limit, text) is { } problem)
        {
            return problem;
        }

        var page = await catalog.EventsAsync(past.Value, cursor, limit ?? PublicCatalog.PageSize);
        var next = Next(items, OpenDataRoutes.Events, page.NextCursor, ("when", past.Value ? "past" : null), ("limit", Number(limit)));
        return TypedResults.Ok(new ApiPage<ApiEvent>([.. page.Items.Select(items.Event)], next, items.License));
    }

    private static async Task<Results<Ok<ApiEvent>, ProblemHttpResult>> GetEventAsync(
        [Description("Identifier of the event.")] Guid id, PublicCatalog catalog, ApiItems items, IStringLocalizer<OpenDataText> text) =>
        await catalog.EventAsync(id) is { } found ? TypedResults.Ok(items.Event(found)) : OpenDataProblems.NotFound(text);

    private static async Task<Results<Ok<ApiPage<ApiPublicationSummary>>, ProblemHttpResult>> ListPublicationsAsync(
        [Description("news (default), report or project.")] string? kind,
        [Description(CursorText)] string? cursor,
        [Description(LimitText)] int? limit,
        PublicationCatalog publications, ApiItems items, IStringLocalizer<OpenDataText> text)
    {
        var chosen = string.IsNullOrEmpty(kind) ? Domain.Publications.PublicationKind.News : ApiItems.KindOf(kind);
        if (chosen is null)
        {
            return OpenDataProblems.BadQuery(text, text["Query.Kind"]);
        }

        if (Check(cursor, limit, text) is { } problem)
        {
            return problem;
        }

        var page = await publications.ListAsync(chosen.Value, PublicationSections.CurrentLanguage, cursor, limit ?? PublicationCatalog.PageSize);
        var next = Next(items, OpenDataRoutes.Publications, page.NextCursor, ("kind", ApiItems.KindCode(chosen.Value)), ("limit", Number(limit)));
        return TypedResults.Ok(new ApiPage<ApiPublicationSummary>([.. page.Items.Select(items.Summary)], next, items.License));
    }

    private static async Task<Results<Ok<ApiPublication>, ProblemHttpResult>> GetPublicationAsync(
        [Description("Identifier of the publication.")] Guid id, PublicationCatalog publications, ApiItems items, IStringLocalizer<OpenDataText> text) =>
        await publications.FindVisibleAsync(null, id) is { } found
            ? TypedResults.Ok(items.Item(found.Item, found.Attachments, PublicationSections.CurrentLanguage))
            : OpenDataProblems.NotFound(text);

    private static async Task<Results<Ok<ApiSearchPage>, ProblemHttpResult>> SearchAsync(
        [Description("The words to search for.")] string? q,
        [Description("Page number, 1 to 50 (1 when omitted).")] int? page,
        PortalSearch search, ApiItems items, IStringLocalizer<OpenDataText> text, CancellationToken cancellation)
    {
        if (SearchQuery.Parse(q).IsEmpty)
        {
            return OpenDataProblems.BadQuery(text, text["Query.Text"]);
        }

        if (page is < 1 or > PortalSearch.MaxPage)
        {
            return OpenDataProblems.BadQuery(text, Format(text["Query.Page"], PortalSearch.MaxPage));
        }

        var results = await search.SearchAsync(q, page ?? 1, cancellation);
        var next = results.HasNext
            ? items.Link(OpenDataRoutes.Search, Query(("q", q), ("page", Number(results.Page + 1))))
            : null;
        return TypedResults.Ok(new ApiSearchPage([.. results.Hits.Select(items.Hit)], results.Total, results.TotalIsAtLeast, next, items.License));
    }

    private static ProblemHttpResult? Check(string? cursor, int? limit, IStringLocalizer<OpenDataText> text)
    {
        if (!IsInstant(cursor))
        {
            return OpenDataProblems.BadQuery(text, text["Query.Cursor"]);
        }

        return limit is < 1 or > MaxLimit ? OpenDataProblems.BadQuery(text, Format(text["Query.Limit"], MaxLimit)) : null;
    }

    private static bool IsInstant(string? cursor) =>
        string.IsNullOrEmpty(cursor) || (PublicCatalog.Cursor.Parse(cursor) is { } parsed && parsed.TryInstant(out _));

    private static string? Next(ApiItems items, string path, string? cursor, params (string Key, string? Value)[] filters) =>
        cursor is null ? null : items.Link(path, Query([.. filters, ("cursor", cursor)]));

    /// <summary>The query of a next link: the filters given, the cursor, and the response's language.</summary>
    private static IEnumerable<KeyValuePair<string, string?>> Query(params (string Key, string? Value)[] values) =>
        values.Where(v => !string.IsNullOrEmpty(v.Value)).Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))
            .Prepend(new KeyValuePair<string, string?>(PortalCultures.QueryKey, PortalCultures.Current));

    private static string? Number(int? value) => value?.ToString(CultureInfo.InvariantCulture);

    private static string Format(string format, object argument) => string.Format(CultureInfo.CurrentCulture, format, argument);
}
