using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Security.Claims;
using System.Text.RegularExpressions;
using DigitalAlmaty.Domain.Publications;
using DigitalAlmaty.Tests.Support;
using DigitalAlmaty.Web.Features.Publications;
using DigitalAlmaty.Web.Features.Submissions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static DigitalAlmaty.Tests.Support.SubmissionSeed;

namespace DigitalAlmaty.Tests.Browser;

/// <summary>
/// Chromium under the portal's Content-Security-Policy: every kind of page, in Russian and Kazakh,
/// anonymous and signed in, must run without a single violation, and the interactive screens must
/// still connect their circuit (the WebSocket that connect-src allows) and respond.
/// </summary>
public sealed class ContentSecurityPolicyInBrowserTests(BrowserSession session) : IClassFixture<BrowserSession>
{
    private const string Password = "Policy-Alatau-2026";

    /// <summary>Collects violations from the first script the page runs on, before any of ours.</summary>
    private const string ViolationListener =
        """
        window.__cspViolations = [];
        document.addEventListener('securitypolicyviolation', e =>
            window.__cspViolations.push(`${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile || e.documentURI}:${e.lineNumber} ${e.sample || ''}`));
        """;

    private sealed record Seeded(Guid Idea, Guid Event, Guid News, Guid Waiting, string StaffEmail, string AuthorId);

    private static readonly ConditionalWeakTable<BrowserSession, Task<Seeded>> Seeds = new();

    private Task<Seeded> SeededAsync() => Seeds.GetValue(session, s => SeedAsync(s.Portal));

    private static async Task<Seeded> SeedAsync(PortalFactory portal)
    {
        var staffEmail = $"csp-staff-{Guid.NewGuid():N}@example.kz";
        await portal.CreateUserAsync(staffEmail, Password, "Арман Политиков", "Admin", "Moderator", "Editor");
        var author = await portal.CreateUserAsync($"csp-author-{Guid.NewGuid():N}@example.kz", Password, "Динара Авторова");
        var seed = new SubmissionSeed(portal);
        var idea = await seed.IdeaAsync(author.Id, "Единая карта свободных парковок", Submit(author.Id), Approve());
        var cityEvent = await seed.EventAsync(author.Id, "Встреча городских разработчиков", Submit(author.Id), Approve());
        var waiting = await seed.IdeaAsync(author.Id, "Велодорожки вдоль арыков", Submit(author.Id));

        using var scope = portal.Services.CreateScope();
        var publications = scope.ServiceProvider.GetRequiredService<PublicationService>();
        var editor = await portal.StaffPrincipalAsync("Editor");
        PublicationContent[] texts =
        [
            new("ru", "Открытые данные города", "Кратко о данных.", "Текст о **данных** города."),
            new("kk", "Қаланың ашық деректері", "Деректер туралы.", "Қала **деректері** туралы мәтін."),
            new("en", string.Empty, string.Empty, string.Empty),
        ];
        var created = await publications.SaveAsync(editor, null, PublicationKind.News, texts, null, []);
        Assert.True(created.Succeeded, created.ErrorCode);
        var published = await publications.PublishNowAsync(editor, created.Id!.Value);
        Assert.True(published.Succeeded, published.ErrorCode);
        return new Seeded(idea.Id, cityEvent.Id, created.Id.Value, waiting.Id, staffEmail, author.Id);
    }

    private static string WithCulture(string path, string culture) => path + (path.Contains('?') ? '&' : '?') + "culture=" + culture;

    [Fact]
    public async Task TheListener_SeesAViolation_WhenAPageRunsAnInlineScript()
    {
        // Without this, "no violations" below could mean "no listener" or "no policy".
        await using var context = await NewWatchedContextAsync();
        var page = await context.NewPageAsync();
        var console = Watch(page);
        await page.GotoAsync("/claims/new");

        await page.EvaluateAsync("() => { const s = document.createElement('script'); s.textContent = 'window.__ran = true'; document.body.append(s); }");

        await Assertions.Expect(page.Locator("main h1").First).ToBeVisibleAsync();
        Assert.False(await page.EvaluateAsync<bool>("() => window.__ran === true"), "An injected inline script ran.");
        var violations = await ViolationsAsync(page, console);
        Assert.Contains(violations, v => v.StartsWith("script-src", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("ru-RU")]
    [InlineData("kk-KZ")]
    public async Task PublicPages_RunWithoutAPolicyViolation(string culture)
    {
        var seeded = await SeededAsync();
        string[] paths =
        [
            "/", "/ideas", $"/ideas/{seeded.Idea}", "/events", $"/events/{seeded.Event}", "/news", $"/news/{seeded.News}",
            "/search?q=парковки", "/reports", "/projects", "/agreement", "/claims/new", "/Identity/Account/Login",
            "/Identity/Account/Register", "/Identity/Account/ForgotPassword", "/no-such-page-here",
        ];
        await using var context = await NewWatchedContextAsync();
        var page = await context.NewPageAsync();
        var console = Watch(page);
        var report = new List<string>();

        foreach (var path in paths)
        {
            await page.GotoAsync(WithCulture(path, culture));
            await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", culture[..2]);
            await Assertions.Expect(page.Locator("main h1").First).ToBeVisibleAsync();
            report.AddRange((await ViolationsAsync(page, console)).Select(v => $"{path}: {v}"));
        }

        Assert.True(report.Count == 0, $"Policy violations ({culture}):\n{string.Join('\n', report)}");
    }

    [Theory]
    [InlineData("ru-RU")]
    [InlineData("kk-KZ")]
    public async Task SignedInAndStaffScreens_ConnectTheirCircuit_WithoutAPolicyViolation(string culture)
    {
        var seeded = await SeededAsync();
        await using var context = await NewWatchedContextAsync();
        var page = await context.NewPageAsync();
        var console = Watch(page);
        await new LoginPage(page).SignInAsync(seeded.StaffEmail, Password);
        await Assertions.Expect(new SiteHeader(page).DisplayName).ToBeVisibleAsync();
        var report = new List<string>(await ViolationsAsync(page, console));

        string[] screens =
        [
            "/my", "/ideas", $"/ideas/{seeded.Idea}", "/events/new", "/moderation", $"/moderation/{seeded.Waiting}",
            "/admin/users", "/admin/audit", "/admin/agreement", "/admin/claims", "/admin/system", "/staff/publications", "/notifications",
            "/Identity/Account/Manage",
        ];
        foreach (var path in screens)
        {
            var circuit = CircuitOf(page);
            await page.GotoAsync(WithCulture(path, culture));
            await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", culture[..2]);
            if (!path.StartsWith("/Identity", StringComparison.Ordinal))
            {
                // The header's live parts need the circuit on every Blazor page of a signed-in user.
                // Generous: the whole suite runs beside this test on two cores.
                try
                {
                    await circuit.WaitAsync(TimeSpan.FromSeconds(60));
                }
                catch (TimeoutException ex)
                {
                    throw new TimeoutException($"No circuit frame on {path}; the page is at {page.Url}.", ex);
                }
                await Assertions.Expect(page.Locator("[data-interactive=true]").First).ToBeAttachedAsync();
            }

            report.AddRange((await ViolationsAsync(page, console)).Select(v => $"{path}: {v}"));
        }

        // The idea editor: type into MudBlazor fields, autosave over the circuit, open the preview tab.
        await page.GotoAsync(WithCulture("/ideas/new", culture));
        await Assertions.Expect(page.Locator("[data-testid=submit]")).ToBeEnabledAsync();
        await page.Locator("#idea-title").FillAsync("Карта зарядных станций");
        await page.Locator("#idea-summary").FillAsync("Все зарядные станции города на одной карте.");
        await page.Locator("#idea-goal").FillAsync("Показать **свободные** станции.");
        await Assertions.Expect(page.Locator("[data-testid=save-state]")).ToHaveClassAsync(new Regex("save-state--saved"), new() { Timeout = 15_000 });
        await page.GetByRole(AriaRole.Tab).Nth(1).ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=idea-goal-preview] strong")).ToHaveTextAsync("свободные");

        // The event editor: a MudBlazor field and the native date input.
        await page.GotoAsync(WithCulture("/events/new", culture));
        await Assertions.Expect(page.Locator("[data-testid=submit]")).ToBeEnabledAsync();
        await page.Locator("#event-title").FillAsync("Хакатон открытых данных");
        await page.Locator("#event-description").FillAsync("Два дня **кода**.");
        await Assertions.Expect(page.Locator("[data-testid=save-state]")).ToHaveClassAsync(new Regex("save-state--saved"), new() { Timeout = 15_000 });
        report.AddRange((await ViolationsAsync(page, console)).Select(v => $"editors: {v}"));

        Assert.True(report.Count == 0, $"Policy violations on signed-in screens ({culture}):\n{string.Join('\n', report)}");
    }

    [Fact]
    public async Task TheLiveQueue_StillReceivesASubmission_WithoutReload_UnderThePolicy()
    {
        var seeded = await SeededAsync();
        await using var context = await NewWatchedContextAsync();
        var page = await context.NewPageAsync();
        var console = Watch(page);
        await new LoginPage(page).SignInAsync(seeded.StaffEmail, Password);
        await Assertions.Expect(new SiteHeader(page).DisplayName).ToBeVisibleAsync();
        await page.GotoAsync("/moderation?culture=kk-KZ");
        await Assertions.Expect(page.Locator(".moderation[data-interactive=true]")).ToHaveCountAsync(1);
        await page.EvaluateAsync("() => window.__sameDocument = true");

        var draft = await new SubmissionSeed(session.Portal).IdeaAsync(seeded.AuthorId, $"Живая политика {Guid.NewGuid():N}"[..24]);
        using (var scope = session.Portal.Services.CreateScope())
        {
            var author = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, seeded.AuthorId)], "test"));
            var result = await scope.ServiceProvider.GetRequiredService<SubmissionService>().SubmitAsync(author, draft.Id);
            Assert.True(result.Succeeded, result.ErrorCode);
        }

        await Assertions.Expect(page.Locator($"[data-testid=queue-row][data-id='{draft.Id}']")).ToBeVisibleAsync(new() { Timeout = 10_000 });
        Assert.True(await page.EvaluateAsync<bool>("() => window.__sameDocument === true"), "The queue was reloaded.");
        var violations = await ViolationsAsync(page, console);
        Assert.True(violations.Count == 0, "Policy violations on the live queue:\n" + string.Join('\n', violations));
    }

    private async Task<IBrowserContext> NewWatchedContextAsync()
    {
        var context = await session.NewContextAsync();
        await context.AddInitScriptAsync(ViolationListener);
        return context;
    }

    /// <summary>Chromium also reports violations on the console, including those of a page already left.</summary>
    private static ConcurrentQueue<string> Watch(IPage page)
    {
        var messages = new ConcurrentQueue<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                messages.Enqueue("console: " + message.Text);
            }
        };
        return messages;
    }

    /// <summary>The violations seen since the last call: the page's own list and the console's.</summary>
    private static async Task<List<string>> ViolationsAsync(IPage page, ConcurrentQueue<string> console)
    {
        var found = new List<string>(await page.EvaluateAsync<string[]>("() => { const v = window.__cspViolations || []; window.__cspViolations = []; return v; }"));
        while (console.TryDequeue(out var message))
        {
            found.Add(message);
        }

        return found;
    }

    /// <summary>Completes when the next Blazor circuit's WebSocket on the page receives its first frame from the server.</summary>
    private static Task CircuitOf(IPage page)
    {
        var connected = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnSocket(object? sender, IWebSocket socket)
        {
            if (!socket.Url.Contains("/_blazor", StringComparison.Ordinal))
            {
                return;
            }

            // Every circuit socket counts: the first one opened after the handler may belong to the page
            // being left (a last reconnect attempt) and never carry a frame.
            socket.FrameReceived += (_, _) =>
            {
                page.WebSocket -= OnSocket;
                connected.TrySetResult();
            };
        }

        page.WebSocket += OnSocket;
        return connected.Task;
    }
}
