using System.Net;
using System.Security.Claims;
using AngleSharp.Html.Parser;
using DigitalAlmaty.Domain.Accounts;
using DigitalAlmaty.Domain.Publications;
using DigitalAlmaty.Domain.Submissions;
using DigitalAlmaty.Tests.Support;
using DigitalAlmaty.Web.Features.Flags;
using DigitalAlmaty.Web.Features.Publications;
using Microsoft.Extensions.DependencyInjection;
using static DigitalAlmaty.Tests.Support.SubmissionSeed;
using static DigitalAlmaty.Tests.Web.ModerationServiceTests;

namespace DigitalAlmaty.Tests.Web;

/// <summary>
/// Clause 4.4.6: public profiles show a display name only and no page or feed exposes an e-mail
/// address. Crawls every public page, feed, calendar and the sitemap, following links, with
/// authors, moderators, editors and reporters in the database, and looks for their addresses.
/// </summary>
public sealed class NoEmailOnPublicPagesTests(NoEmailOnPublicPagesTests.Fixture fixture) : IClassFixture<NoEmailOnPublicPagesTests.Fixture>
{
    public sealed class Fixture : PortalFactory
    {
        public SubmissionSeed Seed => new(this);
    }

    private const int MaxPages = 150;

    private static readonly string[] Starts =
    [
        "/", "/ideas", "/events", "/news", "/reports", "/projects", "/search?q=Алматы", "/search?q=парковок",
        "/feeds/ideas.atom", "/feeds/events.atom", "/events/calendar.ics", "/sitemap.xml", "/robots.txt",
        "/agreement", "/agreement/versions",
        // The open API: its lists, search and document; items are reached by the links in its answers.
        "/api/v1/ideas", "/api/v1/events", "/api/v1/events?when=past", "/api/v1/publications?kind=news", "/api/v1/search?q=Алматы",
        "/openapi/v1.json", "/api",
    ];

    [Fact]
    public async Task NoPublicPage_FeedOrCalendar_ShowsAnyUsersEmail()
    {
        var emails = new List<string> { PortalFactory.AdminEmail };
        async Task<string> UserAsync(string name, params string[] roles)
        {
            var (id, email) = await fixture.NewUserAsync(name, roles);
            emails.Add(email);
            return id;
        }

        var author = await UserAsync("Айжан Публичная");
        var other = await UserAsync("Ерлан Второй");
        var moderator = await UserAsync("Модератор Публичный", PortalRoles.Moderator);
        var editor = await UserAsync("Редактор Новостей", PortalRoles.Editor);
        var reader = await UserAsync("Читатель Жалобщик");
        var ideas = new[]
        {
            await fixture.Seed.IdeaAsync(author, "Алматы: карта парковок", Submit(author), Approve()),
            await fixture.Seed.IdeaAsync(other, "Алматы: открытые данные остановок", Submit(other), Approve()),
        };
        var cityEvent = await fixture.Seed.EventAsync(author, "Алматы: встреча разработчиков", Submit(author), Approve());
        await fixture.Seed.IdeaAsync(other, "Ожидает модерации", Submit(other));
        using (var scope = fixture.Services.CreateScope())
        {
            Assert.True((await scope.ServiceProvider.GetRequiredService<FlagService>().ReportAsync(Principal(reader), ideas[0].Id, ModerationClauses.Misleading, "Проверьте даты, пожалуйста.")).Succeeded);
            var publications = scope.ServiceProvider.GetRequiredService<PublicationService>();
            var editorPrincipal = Principal(editor, PortalRoles.Editor);
            var created = await publications.SaveAsync(editorPrincipal, null, PublicationKind.News,
                [new("ru", "Алматы: новость департамента", "Кратко о новости.", "Текст новости."), new("kk", string.Empty, string.Empty, string.Empty), new("en", string.Empty, string.Empty, string.Empty)], null, []);
            Assert.True(created.Succeeded, created.ErrorCode);
            Assert.True((await publications.PublishNowAsync(editorPrincipal, created.Id!.Value)).Succeeded);
        }

        // Anonymous readers, in each language, and a signed-in reader (their own address may appear only on their own account pages).
        var readerEmail = emails[^1];
        using var anonymous = fixture.CreatePortalClient();
        using var signedIn = await fixture.SignedInClientAsync(readerEmail);
        var visited = 0;
        foreach (var (client, culture, ownEmail) in new[] { (anonymous, "ru-RU", (string?)null), (anonymous, "kk-KZ", null), (anonymous, "en-US", null), (signedIn, "ru-RU", readerEmail) })
        {
            visited += await CrawlAsync(client, culture, emails.Where(e => e != ownEmail).ToList(),
                [$"/ideas/{ideas[0].Id}", $"/events/{cityEvent.Id}", $"/events/{cityEvent.Id}.ics", $"/api/v1/ideas/{ideas[0].Id}", $"/api/v1/events/{cityEvent.Id}"]);
        }

        // The crawl reached the detail pages, the feeds and the sitemap, not only the home page.
        Assert.True(visited > 40, $"Only {visited} pages were crawled.");
    }

    private static async Task<int> CrawlAsync(HttpClient client, string culture, IReadOnlyList<string> emails, IEnumerable<string> extra)
    {
        await client.GetAsync($"/?culture={culture}");
        var queue = new Queue<string>(Starts.Concat(extra));
        var seen = new HashSet<string>(queue, StringComparer.Ordinal);
        var parser = new HtmlParser();
        var count = 0;
        while (queue.Count > 0 && count < MaxPages)
        {
            var url = queue.Dequeue();
            using var response = await client.GetAsync(url);
            count++;
            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.NotFound or HttpStatusCode.Redirect, $"{url}: {response.StatusCode}");
            var body = await response.Content.ReadAsStringAsync();
            foreach (var email in emails)
            {
                Assert.False(body.Contains(email, StringComparison.OrdinalIgnoreCase), $"{url} ({culture}) shows {email}");
                // Also not HTML-encoded or URL-encoded.
                Assert.False(body.Contains(email.Replace("@", "&#64;", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase), $"{url} shows {email} encoded");
                Assert.False(body.Contains(Uri.EscapeDataString(email), StringComparison.OrdinalIgnoreCase), $"{url} shows {email} escaped");
            }

            var type = response.Content.Headers.ContentType?.MediaType ?? string.Empty;
            var links = type switch
            {
                "text/html" => (await parser.ParseDocumentAsync(body)).QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")!),
                "application/xml" or "text/xml" or "application/atom+xml" => System.Text.RegularExpressions.Regex.Matches(body, "(?:<loc>|href=\")([^<\"]+)").Select(m => m.Groups[1].Value),
                // The API's items, next pages and publications' API addresses.
                "application/json" => System.Text.RegularExpressions.Regex.Matches(body, "\"(?:url|next|calendarUrl)\":\"([^\"]+)\"").Select(m => m.Groups[1].Value)
                    .Concat(System.Text.RegularExpressions.Regex.Matches(body, "\"id\":\"([0-9a-f-]{36})\",\"kind\":\\{\"code\":\"(?:news|report|project)\"").Select(m => "/api/v1/publications/" + m.Groups[1].Value)),
                _ => [],
            };
            foreach (var link in links)
            {
                if (Local(link) is { } path && seen.Add(path))
                {
                    queue.Enqueue(path);
                }
            }
        }

        return count;
    }

    /// <summary>A public page of this portal worth reading: not account, staff, moderation or download addresses.</summary>
    private static string? Local(string href)
    {
        if (href.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || href.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            if (!Uri.TryCreate(href, UriKind.Absolute, out var absolute) || absolute.Host != "localhost")
            {
                return null;
            }

            href = absolute.PathAndQuery;
        }

        if (href.StartsWith('#') || href.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase) || href.StartsWith("javascript:", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var path = "/" + href.TrimStart('/').Split('#')[0];
        string[] skipped = ["/Identity", "/moderation", "/admin", "/staff", "/my", "/dev", "/_", "/brand", "/files", "/agreement/notice", "/notifications"];
        return skipped.Any(s => path.StartsWith(s, StringComparison.OrdinalIgnoreCase)) || path.Contains("/report", StringComparison.Ordinal) ? null : path;
    }
}
