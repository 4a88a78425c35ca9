namespace DigitalAlmaty.Tests.Web;

/// <summary>
/// The authorization matrix: every routable page and endpoint of the portal, with what each kind of
/// visitor must get. Columns (see <see cref="PrincipalKind"/>): anonymous, user, blocked user,
/// author of the item, editor, moderator, admin. A new route needs one row here, or
/// <see cref="AuthorizationMatrixTests.EveryMappedRoute_HasARow"/> fails.
/// </summary>
public static class AuthorizationMatrixTable
{
    //                                 anonymous, user, blocked, author, editor, moderator, admin
    private const string Everyone = "AAAAAAA";
    private const string SignedIn = "SASAAAA";
    private const string AdminOnly = "SFSFFFA";
    private const string ModerationStaff = "SFSFFAA";
    private const string PublicationStaff = "SFSFAFA";
    private const string OnlyTheAuthor = "SNSANNN";
    private const string AuthorAndModerators = "NNNANAA";
    private const string Nobody = "NNNNNNN";
    private const string SignInThenNobody = "SNSNNNN";

    public static IReadOnlyList<AuthorizationMatrixRow> Rows { get; } =
    [
        // Public pages.
        new("/", "/", Everyone),
        new("/ideas", "/ideas", Everyone),
        new("/events", "/events", Everyone),
        new("/search", "/search?q=матрица", Everyone),
        new("/news", "/news", Everyone),
        new("/reports", "/reports", Everyone),
        new("/projects", "/projects", Everyone),
        new("/agreement", "/agreement", Everyone),
        new("/agreement/versions", "/agreement/versions", Everyone),
        new("/agreement/versions/{Number:int}", "/agreement/versions/{agreementVersion}", Everyone),
        new("/agreement/versions/{Number:int}", "/agreement/versions/999", Nobody),
        // One version: there is nothing to compare yet.
        new("/agreement/diff", "/agreement/diff", Nobody),
        new("/claims/new", "/claims/new", Everyone),
        // The router's not-found page, reachable by its own address.
        new("/not-found", "/not-found", Everyone),
        new("/status/{Code:int}", "/status/404", Everyone),
        new("/error", "/error", Everyone),
        new("/dev/mail", "/dev/mail", Nobody),

        // Ideas and events: published for everyone, unpublished only for the author and moderators.
        new("/ideas/{Id:guid}", "/ideas/{publishedIdea}", Everyone),
        new("/ideas/{Id:guid}", "/ideas/{waitingIdea}", AuthorAndModerators),
        new("/ideas/{Id:guid}", "/ideas/{draftIdea}", AuthorAndModerators),
        new("/ideas/{Id:guid}", "/ideas/{unknownId}", Nobody),
        new("/events/{Id:guid}", "/events/{publishedEvent}", Everyone),
        new("/events/{Id:guid}", "/events/{waitingEvent}", AuthorAndModerators),
        new("/events/{Id:guid}", "/events/{draftEvent}", AuthorAndModerators),
        new("/events/{Id:guid}", "/events/{unknownId}", Nobody),
        new("/ideas/new", "/ideas/new", SignedIn),
        new("/events/new", "/events/new", SignedIn),
        // The editors are not prerendered: any signed-in visitor gets the empty shell, and the item is
        // loaded in the circuit only for its author (AuthorizationMatrixServiceTests checks FindOwnAsync).
        new("/ideas/{Id:guid}/edit", "/ideas/{draftIdea}/edit", SignedIn),
        new("/ideas/{Id:guid}/edit", "/ideas/{publishedIdea}/edit", SignedIn),
        new("/events/{Id:guid}/edit", "/events/{draftEvent}/edit", SignedIn),
        new("/ideas/{Id:guid}/report", "/ideas/{publishedIdea}/report", SignedIn),
        new("/ideas/{Id:guid}/report", "/ideas/{draftIdea}/report", SignInThenNobody),
        new("/events/{Id:guid}/report", "/events/{publishedEvent}/report", SignedIn),
        new("/events/{Id:guid}/report", "/events/{waitingEvent}/report", SignInThenNobody),
        new("/ideas/{Id:guid}/participate", "/ideas/{publishedIdea}/participate", SignedIn),
        new("/ideas/{Id:guid}/participate", "/ideas/{draftIdea}/participate", SignInThenNobody),
        // The digest's unsubscribe page: the token in the letter is the key; without one the page says so.
        new("/digest/unsubscribe", "/digest/unsubscribe", Everyone),
        // A person who opens the one-click address is sent to the page that asks first.
        new("/digest/one-click", "/digest/one-click", "RRRRRRR"),

        // The author's workspace and the bell.
        new("/my", "/my", SignedIn),
        new("/my/{Id:guid}", "/my/{draftIdea}", OnlyTheAuthor),
        new("/my/{Id:guid}", "/my/{publishedEvent}", OnlyTheAuthor),
        new("/my/{Id:guid}", "/my/{unknownId}", SignInThenNobody),
        new("/notifications", "/notifications", SignedIn),
        new("/agreement/accept", "/agreement/accept", SignedIn),

        // Staff.
        new("/moderation", "/moderation", ModerationStaff),
        new("/moderation/{Id:guid}", "/moderation/{waitingIdea}", ModerationStaff),
        new("/staff/publications", "/staff/publications", PublicationStaff),
        new("/ideas/{Id:guid}/answer", "/ideas/{publishedIdea}/answer", PublicationStaff),
        new("/ideas/{Id:guid}/answer", "/ideas/{draftIdea}/answer", "SFSFNFN"),
        new("/staff/publications/new", "/staff/publications/new", PublicationStaff),
        new("/staff/publications/{Id:guid}", "/staff/publications/{draftNews}", PublicationStaff),
        new("/admin/audit", "/admin/audit", AdminOnly),
        new("/admin/agreement", "/admin/agreement", AdminOnly),
        new("/admin/users", "/admin/users", AdminOnly),
        new("/admin/inactive", "/admin/inactive", AdminOnly),
        new("/admin/system", "/admin/system", AdminOnly),
        new("/admin/claims", "/admin/claims", AdminOnly),
        new("/admin/claims/{Id:guid}", "/admin/claims/{claim}", AdminOnly),
        new("/admin/claims/{Id:guid}", "/admin/claims/{unknownId}", "SFSFFFN"),

        // Staff publications: visible once published, drafts only in the staff editor.
        new("/news/{Id:guid}", "/news/{publishedNews}", Everyone),
        new("/news/{Id:guid}", "/news/{draftNews}", Nobody),
        new("/reports/{Id:guid}", "/reports/{publishedReport}", Everyone),
        new("/reports/{Id:guid}", "/reports/{draftReport}", Nobody),
        new("/projects/{Id:guid}", "/projects/{publishedProject}", Everyone),
        new("/projects/{Id:guid}", "/projects/{draftProject}", Nobody),

        // Files: a published item's cover for everyone, an author's draft cover for the author and
        // moderators, a staff upload for staff, a claim's attachment for administrators only.
        new("/files/{id:guid}", "/files/{publicFile}", Everyone),
        // A draft's cover: only its owner until the draft is sent to moderation.
        new("/files/{id:guid}", "/files/{privateFile}", "NNNANNN"),
        // A staff upload not yet in any publication: only the editor who uploaded it.
        new("/files/{id:guid}", "/files/{staffPrivateFile}", "NNNNANN"),
        new("/files/{id:guid}", "/files/{claimFile}", "NNNNNNA"),
        new("/files/{id:guid}", "/files/{unknownId}", Nobody),

        // Personal data exports: the declining user's token is the key; the administrator's needs the role.
        new("/agreement/my-data/{token}", "/agreement/my-data/{selfExportToken}", Everyone),
        new("/agreement/my-data/{token}", "/agreement/my-data/not-a-token", Nobody),
        new("/admin/users/export/{token}", "/admin/users/export/{adminExportToken}", AdminOnly),
        new("/admin/users/export/{token}", "/admin/users/export/not-a-token", "SFSFFFN"),

        // Feeds, calendars, machine endpoints.
        new("/feeds/news.atom", "/feeds/news.atom", Everyone),
        new("/feeds/ideas.atom", "/feeds/ideas.atom", Everyone),
        new("/feeds/events.atom", "/feeds/events.atom", Everyone),
        new("/events/calendar.ics", "/events/calendar.ics", Everyone),
        new("/events/{id:guid}.ics", "/events/{publishedEvent}.ics", Everyone),
        new("/events/{id:guid}.ics", "/events/{waitingEvent}.ics", Nobody),
        new("/sitemap.xml", "/sitemap.xml", Everyone),
        new("/robots.txt", "/robots.txt", Everyone),
        new("/healthz", "/healthz", Everyone),
        new("/healthz/live", "/healthz/live", Everyone),
        new("/healthz/ready", "/healthz/ready", Everyone),
        // Metrics answer a scraper on this machine or a known proxy network only, whoever is signed in
        // (the test server's requests have no client address); MetricsAccessTests covers the addresses.
        new("/metrics", "/metrics", Nobody),
        // The open API: published material only, the same for everyone (nothing unpublished, even for its author).
        new("/api/v1/ideas", "/api/v1/ideas", Everyone),
        new("/api/v1/ideas/{id:guid}", "/api/v1/ideas/{publishedIdea}", Everyone),
        new("/api/v1/ideas/{id:guid}", "/api/v1/ideas/{waitingIdea}", Nobody),
        new("/api/v1/ideas/{id:guid}", "/api/v1/ideas/{draftIdea}", Nobody),
        new("/api/v1/events", "/api/v1/events", Everyone),
        new("/api/v1/events/{id:guid}", "/api/v1/events/{publishedEvent}", Everyone),
        new("/api/v1/events/{id:guid}", "/api/v1/events/{waitingEvent}", Nobody),
        new("/api/v1/publications", "/api/v1/publications", Everyone),
        new("/api/v1/publications/{id:guid}", "/api/v1/publications/{publishedNews}", Everyone),
        new("/api/v1/publications/{id:guid}", "/api/v1/publications/{draftNews}", Nobody),
        new("/api/v1/search", "/api/v1/search?q=матрица", Everyone),
        new("/openapi/{documentName}.json", "/openapi/v1.json", Everyone),
        new("/api", "/api", Everyone),
        // Scalar's files for the reference; its own page (an inline script the policy refuses) sends readers to /api.
        new("/api/reference/scalar.js", "/api/reference/scalar.js", Everyone),
        new("/api/reference/scalar.aspnetcore.js", "/api/reference/scalar.aspnetcore.js", Everyone),
        new("/api/reference/favicon.svg", "/api/reference/favicon.svg", Everyone),
        new("/api/reference/{documentName?}", "/api/reference/v1", "RRRRRRR"),
        new("/agreement/notice/dismiss", "/agreement/notice/dismiss?v=1&returnUrl=/news", "RRRRRRR"),

        // The bench endpoints live in bench/DigitalAlmaty.Bench.Host, never in the portal.
        new("/bench/timings", "/bench/timings", Nobody, Mapped: false),
        new("/bench/baseline/ideas", "/bench/baseline/ideas", Nobody, Mapped: false),
        new("/bench/moderation/first-page", "/bench/moderation/first-page", Nobody, Mapped: false),
        new("/bench/gc-stats", "/bench/gc-stats", Nobody, Mapped: false),
    ];
}
