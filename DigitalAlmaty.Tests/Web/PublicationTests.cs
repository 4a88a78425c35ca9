using System.Net;
using System.Security.Claims;
using DigitalAlmaty.Domain.Publications;
using DigitalAlmaty.Tests.Support;
using DigitalAlmaty.Web.Features.Files;
using DigitalAlmaty.Web.Features.Publications;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace DigitalAlmaty.Tests.Web;

/// <summary>Staff publications on the server: who may author them, what readers see and when, files.</summary>
public sealed class PublicationTests(PublicationTests.Fixture fixture) : IClassFixture<PublicationTests.Fixture>
{
    /// <summary>A clock the test moves by hand.</summary>
    public sealed class TestClock(DateTimeOffset start) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = start;

        public override DateTimeOffset GetUtcNow() => Now;
    }

    public sealed class Fixture : PortalFactory
    {
        public Fixture()
            : base(new Dictionary<string, string?> { ["Publications:ScheduleCheckSeconds"] = "0.2" })
        {
            Portal = WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<TimeProvider>(Clock)));
            // The services re-read the acting user's roles from the database: the test editor is a real account.
            CreateAccountAsync("editor@publications.test", Password, EditorId, ["Editor"]).GetAwaiter().GetResult();
        }

        public TestClock Clock { get; } = new(DateTimeOffset.UtcNow);

        /// <summary>The portal with the controllable clock.</summary>
        public WebApplicationFactory<Program> Portal { get; }

        /// <summary>Creates a confirmed account through the clocked portal (the base factory is never started).</summary>
        public Task CreateAccountAsync(string email, string password, params string[] roles) => CreateAccountAsync(email, password, null, roles);

        public async Task CreateAccountAsync(string email, string password, string? id, string[] roles)
        {
            using var scope = Portal.Services.CreateScope();
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<DigitalAlmaty.Web.Data.PortalUser>>();
            var user = new DigitalAlmaty.Web.Data.PortalUser { Id = id ?? Guid.NewGuid().ToString(), UserName = email, Email = email, EmailConfirmed = true, DisplayName = email[..5], CreatedAt = DateTimeOffset.UtcNow };
            Assert.True((await users.CreateAsync(user, password)).Succeeded);
            if (roles.Length > 0)
            {
                await users.AddToRolesAsync(user, roles);
            }
        }

        public HttpClient Client() => Portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
    }

    private const string Password = "Publication-Pass-2026";

    private static readonly byte[] Pdf = "%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"u8.ToArray();
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52];

    private static ClaimsPrincipal Principal(string userId, params string[] roles) =>
        new(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, userId), .. roles.Select(r => new Claim(ClaimTypes.Role, r))],
            authenticationType: "Test"));

    private const string EditorId = "editor-of-publication-tests";
    private static readonly ClaimsPrincipal Editor = Principal(EditorId, "Editor");
    private static readonly ClaimsPrincipal Anonymous = new(new ClaimsIdentity());

    private async Task<T> WithServiceAsync<T>(Func<PublicationService, Task<T>> use)
    {
        using var scope = fixture.Portal.Services.CreateScope();
        return await use(scope.ServiceProvider.GetRequiredService<PublicationService>());
    }

    private static PublicationContent[] Texts(string ru, string? kk = null, string? en = null) =>
    [
        new("ru", ru, "Кратко: " + ru, "Текст: " + ru),
        new("kk", kk ?? string.Empty, string.Empty, kk is null ? string.Empty : "Мәтін: " + kk),
        new("en", en ?? string.Empty, string.Empty, en is null ? string.Empty : "Text: " + en),
    ];

    private Task<PublicationResult> CreateAsync(PublicationKind kind, PublicationContent[] texts, IReadOnlyList<Guid>? attachments = null, Guid? cover = null) =>
        WithServiceAsync(s => s.SaveAsync(Editor, null, kind, texts, cover, attachments ?? []));

    private async Task<Guid> PublishedAsync(PublicationKind kind, PublicationContent[] texts, IReadOnlyList<Guid>? attachments = null)
    {
        var created = await CreateAsync(kind, texts, attachments);
        Assert.True(created.Succeeded, created.ErrorCode);
        var published = await WithServiceAsync(s => s.PublishNowAsync(Editor, created.Id!.Value));
        Assert.True(published.Succeeded, published.ErrorCode);
        return created.Id!.Value;
    }

    private static string Unique(string prefix) => $"{prefix} {Guid.NewGuid():N}"[..(prefix.Length + 9)];

    [Fact]
    public async Task OnlyVisiblePublications_AppearOnTheirOwnList()
    {
        var published = Unique("Опубликована");
        var draft = Unique("Черновик");
        var scheduled = Unique("Запланирована");
        var unpublished = Unique("Снята");
        var report = Unique("Отчёт");
        var publishedId = await PublishedAsync(PublicationKind.News, Texts(published));
        var draftId = (await CreateAsync(PublicationKind.News, Texts(draft))).Id!.Value;
        var scheduledId = (await CreateAsync(PublicationKind.News, Texts(scheduled))).Id!.Value;
        Assert.True((await WithServiceAsync(s => s.ScheduleAsync(Editor, scheduledId, fixture.Clock.Now.AddDays(30)))).Succeeded);
        var unpublishedId = await PublishedAsync(PublicationKind.News, Texts(unpublished));
        Assert.True((await WithServiceAsync(s => s.UnpublishAsync(Editor, unpublishedId))).Succeeded);
        var reportId = await PublishedAsync(PublicationKind.Report, Texts(report));

        using var client = fixture.Client();
        var news = await HtmlPage.GetAsync(client, "/news");
        var reports = await HtmlPage.GetAsync(client, "/reports");
        var projects = await HtmlPage.GetAsync(client, "/projects");
        var home = await HtmlPage.GetAsync(client, "/");

        Assert.Contains(published, news.Text, StringComparison.Ordinal);
        Assert.NotNull(news.Document.QuerySelector($"a[href='news/{publishedId}']"));
        foreach (var hidden in new[] { draft, scheduled, unpublished, report })
        {
            Assert.DoesNotContain(hidden, news.Text, StringComparison.Ordinal);
        }

        Assert.Contains(report, reports.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(published, reports.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(report, projects.Text, StringComparison.Ordinal);
        // The home page shows the three newest visible news items, the same as the top of /news.
        var homeNews = home.Document.QuerySelectorAll(".home-news .item-card h3 a").Select(a => a.GetAttribute("href")).ToList();
        var newsLinks = news.Document.QuerySelectorAll(".publication-list .item-card h2 a").Select(a => a.GetAttribute("href")).ToList();
        Assert.InRange(homeNews.Count, 1, 3);
        Assert.Equal(newsLinks.Take(3), homeNews);
        Assert.DoesNotContain("<!--Blazor:{", news.Html, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/news/{publishedId}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/reports/{reportId}")).StatusCode);
        foreach (var url in new[] { $"/news/{draftId}", $"/news/{scheduledId}", $"/news/{unpublishedId}", $"/news/{reportId}", $"/projects/{publishedId}" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(url)).StatusCode);
        }
    }

    [Fact]
    public async Task ScheduledPublication_AppearsOnceItsTimeHasPassed_EvenOnACachedList()
    {
        var title = Unique("По расписанию");
        var id = (await CreateAsync(PublicationKind.Project, Texts(title))).Id!.Value;
        var scheduled = await WithServiceAsync(s => s.ScheduleAsync(Editor, id, fixture.Clock.Now.AddHours(1)));
        Assert.True(scheduled.Succeeded, scheduled.ErrorCode);

        using var client = fixture.Client();
        var before = await HtmlPage.GetAsync(client, "/projects");
        Assert.DoesNotContain(title, before.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/projects/{id}")).StatusCode);

        fixture.Clock.Now = fixture.Clock.Now.AddHours(2);

        // The list was cached for anonymous readers; the schedule watcher empties the cache when the time comes.
        var deadline = DateTime.UtcNow.AddSeconds(10);
        HtmlPage after;
        do
        {
            await Task.Delay(200);
            after = await HtmlPage.GetAsync(client, "/projects");
        }
        while (!after.Text.Contains(title, StringComparison.Ordinal) && DateTime.UtcNow < deadline);

        Assert.Contains(title, after.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/projects/{id}")).StatusCode);
    }

    [Fact]
    public async Task PublishingEmptiesTheCachedList()
    {
        using var client = fixture.Client();
        await HtmlPage.GetAsync(client, "/reports");
        var title = Unique("Свежий отчёт");
        await PublishedAsync(PublicationKind.Report, Texts(title));

        var deadline = DateTime.UtcNow.AddSeconds(5);
        HtmlPage page;
        while (true)
        {
            page = await HtmlPage.GetAsync(client, "/reports");
            if (page.Text.Contains(title, StringComparison.Ordinal) || DateTime.UtcNow > deadline)
            {
                break;
            }

            await Task.Delay(100);
        }

        Assert.Contains(title, page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadersLanguage_IsShownFirst_ElseRussian_ElseWhatExists()
    {
        var ru = Unique("Новость");
        var kk = Unique("Жаңалық");
        var bilingual = await PublishedAsync(PublicationKind.News, Texts(ru, kk));
        var en = Unique("English only");
        var englishOnly = await PublishedAsync(PublicationKind.News,
            [new("ru", "", "", ""), new("kk", "", "", ""), new("en", en, "", "Body in English")]);

        using var client = fixture.Client();
        var inKazakh = await HtmlPage.GetAsync(client, $"/news/{bilingual}?culture=kk-KZ");
        var inRussian = await HtmlPage.GetAsync(client, $"/news/{bilingual}?culture=ru-RU");
        var inEnglish = await HtmlPage.GetAsync(client, $"/news/{bilingual}?culture=en-US");
        var fallback = await HtmlPage.GetAsync(client, $"/news/{englishOnly}?culture=kk-KZ");
        var kazakhList = await HtmlPage.GetAsync(client, "/news?culture=kk-KZ");

        Assert.Equal(kk, inKazakh.Document.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal("kk", inKazakh.Document.QuerySelector("article")!.GetAttribute("lang"));
        Assert.Null(inKazakh.Document.QuerySelector("[data-testid=language-note]"));
        Assert.NotNull(inKazakh.Document.QuerySelector($"a[hreflang='ru'][href='news/{bilingual}?culture=ru-RU']"));
        Assert.Equal(ru, inRussian.Document.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal(ru, inEnglish.Document.QuerySelector("h1")!.TextContent.Trim());
        Assert.NotNull(inEnglish.Document.QuerySelector("[data-testid=language-note]"));
        Assert.Equal(en, fallback.Document.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains("ағылшын тілі", fallback.Document.QuerySelector("[data-testid=language-note]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(kk, kazakhList.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(ru, kazakhList.Text, StringComparison.Ordinal);

        var canonical = inKazakh.Document.QuerySelector("link[rel=canonical]")!.GetAttribute("href");
        Assert.EndsWith($"/news/{bilingual}", canonical, StringComparison.Ordinal);
        Assert.Equal(kk, inKazakh.Document.QuerySelector("meta[property='og:title']")!.GetAttribute("content"));
    }

    [Fact]
    public async Task PlainUserAndAnonymous_AreRefusedTheStaffPages()
    {
        var plainEmail = $"plain-{Guid.NewGuid():N}@example.kz";
        var editorEmail = $"editor-{Guid.NewGuid():N}@example.kz";
        await fixture.CreateAccountAsync(plainEmail, Password);
        await fixture.CreateAccountAsync(editorEmail, Password, "Editor");
        using var anonymous = fixture.Client();
        using var plain = await SignedInAsync(plainEmail);
        using var editor = await SignedInAsync(editorEmail);

        foreach (var url in new[] { "/staff/publications", "/staff/publications/new?kind=news", $"/staff/publications/{Guid.NewGuid()}" })
        {
            var asAnonymous = await anonymous.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, asAnonymous.StatusCode);
            Assert.Contains("/Identity/Account/Login", asAnonymous.Headers.Location!.OriginalString, StringComparison.Ordinal);
            var asPlain = await plain.GetAsync(url);
            Assert.True(
                asPlain.StatusCode == HttpStatusCode.Forbidden
                || (asPlain.StatusCode == HttpStatusCode.Redirect && asPlain.Headers.Location!.OriginalString.Contains("AccessDenied", StringComparison.Ordinal)),
                $"A plain user got {(int)asPlain.StatusCode} {asPlain.Headers.Location} for {url}");
        }

        var list = await HtmlPage.GetAsync(editor, "/staff/publications");
        Assert.Equal(HttpStatusCode.OK, list.Status);
        Assert.NotNull(list.Document.QuerySelector("a[href='staff/publications/new?kind=news']"));
    }

    [Fact]
    public async Task PlainUserAndAnonymous_AreRefusedEveryServiceAction()
    {
        var id = await PublishedAsync(PublicationKind.News, Texts(Unique("Защищённая")));
        foreach (var who in new[] { Principal("plain-user"), Principal("moderator", "Moderator"), Anonymous })
        {
            var save = await WithServiceAsync(s => s.SaveAsync(who, null, PublicationKind.News, Texts("Чужая"), null, []));
            var edit = await WithServiceAsync(s => s.SaveAsync(who, id, PublicationKind.News, Texts("Подмена"), null, []));
            var unpublish = await WithServiceAsync(s => s.UnpublishAsync(who, id));
            var publish = await WithServiceAsync(s => s.PublishNowAsync(who, id));
            var schedule = await WithServiceAsync(s => s.ScheduleAsync(who, id, fixture.Clock.Now.AddDays(1)));
            Assert.All([save, edit, unpublish, publish, schedule], r => Assert.Equal(PublicationResult.Forbidden, r.ErrorCode));
            await Assert.ThrowsAsync<UnauthorizedAccessException>(() => WithServiceAsync(s => s.ListAsync(who)));
            await Assert.ThrowsAsync<UnauthorizedAccessException>(() => WithServiceAsync(s => s.FindAsync(who, id)));
            await Assert.ThrowsAsync<UnauthorizedAccessException>(() => WithServiceAsync(s => s.UploadAttachmentAsync(who, new MemoryStream(Pdf), "a.pdf")));
            await Assert.ThrowsAsync<UnauthorizedAccessException>(() => WithServiceAsync(s => s.UploadCoverAsync(who, new MemoryStream(Png), "a.png")));
        }

        var still = await WithServiceAsync(s => s.FindAsync(Editor, id));
        Assert.Equal(PublicationStatus.Published, still!.Value.Item.Status);
        Assert.StartsWith("Защищённая", still.Value.Item.TextIn("ru")!.Title, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PdfRenamedPng_IsRefusedAsACover_AndAcceptedAsAnAttachmentOnlyWhenReallyAPdf()
    {
        var asCover = await WithServiceAsync(s => s.UploadCoverAsync(Editor, new MemoryStream(Pdf), "photo.png"));
        Assert.Equal(UploadProblem.NotAnImage, asCover.Problem);
        Assert.Null(asCover.FileId);

        var pdf = await WithServiceAsync(s => s.UploadAttachmentAsync(Editor, new MemoryStream(Pdf), "photo.png"));
        Assert.Equal(UploadProblem.None, pdf.Problem);
        var fakePdf = await WithServiceAsync(s => s.UploadAttachmentAsync(Editor, new MemoryStream("<html>not a pdf</html>"u8.ToArray()), "report.pdf"));
        Assert.Equal(UploadProblem.NotPdfOrImage, fakePdf.Problem);
        Assert.Null(fakePdf.FileId);
        var tooBig = await WithServiceAsync(s => s.UploadAttachmentAsync(Editor, new MemoryStream([.. Pdf, .. new byte[20 * 1024 * 1024]]), "big.pdf"));
        Assert.Equal(UploadProblem.TooLarge, tooBig.Problem);

        // A PDF cannot become a cover through the service either.
        var pdfAsCover = await CreateAsync(PublicationKind.Report, Texts("Отчёт с PDF-обложкой"), cover: pdf.FileId);
        Assert.Equal(PublicationResult.BadCover, pdfAsCover.ErrorCode);

        var draft = await CreateAsync(PublicationKind.Report, Texts(Unique("Отчёт с вложением")), [pdf.FileId!.Value]);
        Assert.True(draft.Succeeded, draft.ErrorCode);
        using var client = fixture.Client();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/files/{pdf.FileId}")).StatusCode);

        Assert.True((await WithServiceAsync(s => s.PublishNowAsync(Editor, draft.Id!.Value))).Succeeded);
        var file = await client.GetAsync($"/files/{pdf.FileId}");
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal("application/pdf", file.Content.Headers.ContentType!.MediaType);
        var page = await HtmlPage.GetAsync(client, $"/reports/{draft.Id}");
        var link = page.Document.QuerySelector($".publication__attachments a[href='files/{pdf.FileId}']");
        Assert.NotNull(link);
        Assert.Contains("PDF", page.Document.QuerySelector(".publication__attachments li")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StaleEdit_IsRefusedAsAConflict()
    {
        var created = await CreateAsync(PublicationKind.News, Texts(Unique("Версия")));
        var first = await WithServiceAsync(s => s.SaveAsync(Editor, created.Id, PublicationKind.News, Texts("Первая правка"), null, [], created.Revision));
        var second = await WithServiceAsync(s => s.SaveAsync(Editor, created.Id, PublicationKind.News, Texts("Вторая правка"), null, [], created.Revision));
        Assert.True(first.Succeeded, first.ErrorCode);
        Assert.Equal(PublicationResult.Conflict, second.ErrorCode);
    }

    private async Task<HttpClient> SignedInAsync(string email)
    {
        var client = fixture.Client();
        var login = await HtmlPage.GetAsync(client, "/Identity/Account/Login");
        var home = await login.SubmitAsync(client, new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = Password });
        Assert.NotEmpty(home.Redirects);
        return client;
    }
}
