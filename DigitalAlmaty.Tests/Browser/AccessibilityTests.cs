using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using DigitalAlmaty.Tests.Support;
using Microsoft.Playwright;
using static DigitalAlmaty.Tests.Support.SubmissionSeed;

namespace DigitalAlmaty.Tests.Browser;

/// <summary>
/// Every public page and every staff screen, in the three languages, on a desktop and on a phone, checked by axe-core:
/// no serious or critical violation is allowed. Plus what axe cannot judge: the keyboard path
/// through the header and a visible focus.
/// </summary>
public sealed class AccessibilityTests(BrowserSession session) : IClassFixture<BrowserSession>
{
    private static readonly ViewportSize Desktop = new() { Width = 1280, Height = 900 };
    private static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };

    /// <summary>One published idea and one published event per portal, seeded once before any public list is cached.</summary>
    private static readonly ConditionalWeakTable<BrowserSession, Task<(Guid Idea, Guid Event)>> Seeds = new();

    private Task<(Guid Idea, Guid Event)> PublishedAsync() => Seeds.GetValue(session, s => SeedAsync(s.Portal));

    private static async Task<(Guid Idea, Guid Event)> SeedAsync(PortalFactory portal)
    {
        var author = await portal.CreateUserAsync($"a11y-{Guid.NewGuid():N}@example.kz", "Alatau-Peak-2026", "Айгерим Сапарова");
        var seed = new SubmissionSeed(portal);
        var idea = await seed.IdeaAsync(author.Id, "Единая карта свободных парковок", Submit(author.Id), Approve());
        var cityEvent = await seed.EventAsync(author.Id, "Встреча городских разработчиков", Submit(author.Id), Approve());
        return (idea.Id, cityEvent.Id);
    }

    private static IEnumerable<string> PublicPaths(Guid idea, Guid cityEvent) =>
    [
        "/", "/ideas", "/events", "/events?when=past", "/news", "/reports", "/projects", "/agreement",
        $"/ideas/{idea}", $"/events/{cityEvent}", "/Identity/Account/Login", "/Identity/Account/Register", "/claims/new",
        "/no-such-page-here",
    ];

    private static string WithCulture(string path, string culture) =>
        path + (path.Contains('?') ? '&' : '?') + "culture=" + culture;

    [Theory]
    [InlineData("ru-RU")]
    [InlineData("kk-KZ")]
    [InlineData("en-US")]
    public async Task PublicPages_HaveNoSeriousOrCriticalViolations_OnADesktopAndAPhone(string culture)
    {
        var (idea, cityEvent) = await PublishedAsync();
        await using var context = await session.NewContextAsync(Desktop);
        var (checkedPages, report) = await CheckAllAsync(context, PublicPaths(idea, cityEvent).Select(p => WithCulture(p, culture)).ToList(), culture);

        Assert.Equal(28, checkedPages);
        Assert.True(report.Length == 0, $"axe-core found serious or critical violations ({culture}):\n{report}");
    }

    private static readonly ConditionalWeakTable<BrowserSession, Task<(string Email, Guid Waiting, Guid Published)>> Staff = new();

    private Task<(string Email, Guid Waiting, Guid Published)> StaffAsync() => Staff.GetValue(session, s => SeedStaffAsync(s.Portal));

    private static async Task<(string Email, Guid Waiting, Guid Published)> SeedStaffAsync(PortalFactory portal)
    {
        var email = $"a11y-staff-{Guid.NewGuid():N}@example.kz";
        await portal.CreateUserAsync(email, StaffPassword, "Арман Жумабеков", "Admin", "Moderator", "Editor");
        var author = await portal.CreateUserAsync($"a11y-author-{Guid.NewGuid():N}@example.kz", "Alatau-Peak-2026", "Динара Омарова");
        var waiting = await new SubmissionSeed(portal).IdeaAsync(author.Id, "Велодорожки вдоль арыков", Submit(author.Id));
        var published = await new SubmissionSeed(portal).IdeaAsync(author.Id, "Тени над остановками", Submit(author.Id), Approve());
        return (email, waiting.Id, published.Id);
    }

    private const string StaffPassword = "Staff-Alatau-2026";

    /// <summary>The staff screens (interactive, MudBlazor): the publications editor, moderation and the admin pages.</summary>
    [Theory]
    [InlineData("ru-RU")]
    [InlineData("kk-KZ")]
    [InlineData("en-US")]
    public async Task StaffPages_HaveNoSeriousOrCriticalViolations_OnADesktopAndAPhone(string culture)
    {
        var (email, waiting, published) = await StaffAsync();
        await using var context = await session.NewContextAsync(Desktop);
        var login = await context.NewPageAsync();
        await new LoginPage(login).SignInAsync(email, StaffPassword);
        await Assertions.Expect(new SiteHeader(login).DisplayName).ToBeVisibleAsync();
        await login.CloseAsync();

        string[] paths =
        [
            "/staff/publications", "/staff/publications/new?kind=news", "/moderation", $"/moderation/{waiting}",
            "/admin/audit", "/admin/agreement", "/admin/users", "/admin/system", "/my", "/notifications",
        ];
        var (checkedPages, report) = await CheckAllAsync(context, paths.Select(p => WithCulture(p, culture)).ToList(), culture, interactive: true);

        Assert.Equal(paths.Length * 2, checkedPages);
        Assert.True(report.Length == 0, $"axe-core found serious or critical violations on staff pages ({culture}):\n{report}");

        // Static pages as staff see them: an idea with its support and follow forms, the city's answer form, the participate page.
        string[] participation = [$"/ideas/{published}", $"/ideas/{published}/answer", $"/ideas/{published}/participate"];
        var (checkedStatic, staticReport) = await CheckAllAsync(context, participation.Select(p => WithCulture(p, culture)).ToList(), culture);
        Assert.Equal(participation.Length * 2, checkedStatic);
        Assert.True(staticReport.Length == 0, $"axe-core found serious or critical violations on participation pages ({culture}):\n{staticReport}");
    }

    /// <summary>Every URL on a desktop and on a phone, two tabs at a time (two cores); the findings as one text.</summary>
    private static async Task<(int Checked, string Report)> CheckAllAsync(IBrowserContext context, IReadOnlyList<string> urls, string culture, bool interactive = false)
    {
        var work = new ConcurrentQueue<(ViewportSize Viewport, string Device, string Url)>(
            from screen in new[] { (Desktop, "desktop"), (Phone, "phone") }
            from url in urls
            select (screen.Item1, screen.Item2, url));
        var findings = new ConcurrentBag<string>();
        var checkedPages = 0;

        async Task WorkerAsync()
        {
            var page = await context.NewPageAsync();
            while (work.TryDequeue(out var item))
            {
                await page.SetViewportSizeAsync(item.Viewport.Width, item.Viewport.Height);
                await page.GotoAsync(item.Url);
                await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", culture[..2]);
                if (interactive)
                {
                    // On a phone the moderation review hides the queue and its title; the heading is still there.
                    await Assertions.Expect(page.Locator("main h1").First).ToBeAttachedAsync();
                    // Judge the page once its circuit has rendered, not the prerendered first paint.
                    await page.WaitForFunctionAsync("() => window.Blazor !== undefined");
                    try
                    {
                        await page.WaitForLoadStateAsync(LoadState.NetworkIdle, new() { Timeout = 10_000 });
                    }
                    catch (TimeoutException)
                    {
                        // Only a settling wait: on a loaded runner a slow request can keep the network
                        // busy past it. The heading and the circuit are there; axe judges the page as is.
                    }

                    await page.WaitForTimeoutAsync(300);
                }
                else
                {
                    await Assertions.Expect(page.Locator("main h1").First).ToBeVisibleAsync();
                }

                var result = await AxeAsync(page);
                Interlocked.Increment(ref checkedPages);
                foreach (var violation in result.Violations.Where(v => v.Impact is "serious" or "critical"))
                {
                    var text = new StringBuilder();
                    text.AppendLine(CultureInfo.InvariantCulture, $"{item.Url} ({item.Device}): {violation.Id} [{violation.Impact}] {violation.Help}");
                    foreach (var node in violation.Nodes.Take(5))
                    {
                        text.AppendLine(CultureInfo.InvariantCulture, $"    {node.Target} — {Why(node)}");
                    }

                    findings.Add(text.ToString());
                }
            }

            await page.CloseAsync();
        }

        await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => WorkerAsync()));
        return (checkedPages, string.Concat(findings.Order(StringComparer.Ordinal)));
    }

    /// <summary>
    /// axe-core on the page as it stands. RunAxe() would finish every run in a fresh blank page of
    /// its own, which doubles the time of the whole matrix on a two-core runner (≈105 s instead of
    /// ≈50 s); our pages have no frames, so the single-frame run gives the same results.
    /// </summary>
    private static Task<AxeResult> AxeAsync(IPage page)
    {
#pragma warning disable CS0618 // RunAxeLegacy is marked for removal; switch back to RunAxe() then.
        return page.RunAxeLegacy(options: new AxeRunOptions { ResultTypes = [ResultType.Violations] });
#pragma warning restore CS0618
    }

    private static string Why(AxeResultNode node) =>
        string.Join("; ", new[] { node.Any, node.All, node.None }
            .Where(checks => checks is not null)
            .SelectMany(checks => checks)
            .Select(check => check.Message)
            .Where(message => !string.IsNullOrEmpty(message)));

    [Fact]
    public async Task FirstTab_ReachesTheSkipLink_AndEnterMovesFocusToMain()
    {
        await using var context = await session.NewContextAsync(Desktop);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/?culture=ru-RU");

        await page.Keyboard.PressAsync("Tab");
        var skip = page.Locator("a.skip-link");
        await Assertions.Expect(skip).ToBeFocusedAsync();
        await Assertions.Expect(skip).ToHaveTextAsync("Перейти к содержанию");
        await Assertions.Expect(skip).ToBeInViewportAsync(); // shown once focused, not left off-screen

        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("main#main")).ToBeFocusedAsync();

        // The next Tab continues inside the page content, not back at the header.
        await page.Keyboard.PressAsync("Tab");
        var insideMain = await page.EvaluateAsync<bool>("() => document.getElementById('main').contains(document.activeElement)");
        Assert.True(insideMain, "After the skip link, Tab should move within the main content.");
    }

    [Theory]
    [InlineData("ru-RU")]
    [InlineData("kk-KZ")]
    [InlineData("en-US")]
    public async Task HeaderLinks_AreReachableByTab_AndShowAVisibleFocus(string culture)
    {
        await using var context = await session.NewContextAsync(Desktop);
        var page = await context.NewPageAsync();
        await page.GotoAsync(WithCulture("/", culture));

        var wanted = await page.EvaluateAsync<string[]>(
            "() => [...document.querySelectorAll('header nav.main-nav a, header nav.lang-switch a')].map(a => a.getAttribute('href'))");
        Assert.Equal(8, wanted.Length); // five sections, three languages

        var reached = new HashSet<string>();
        var unstyled = new List<string>();
        for (var i = 0; i < 30 && reached.Count < wanted.Length; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            var focus = await page.EvaluateAsync<FocusState?>(
                """
                () => {
                    const a = document.activeElement;
                    if (!a || !a.matches('header nav.main-nav a, header nav.lang-switch a')) return null;
                    const look = el => { const s = getComputedStyle(el); return `${s.boxShadow}|${s.outlineStyle}|${s.outlineWidth}|${s.outlineColor}`; };
                    const focused = look(a);
                    const probe = a.cloneNode(true);          // the same link, unfocused, in the same place
                    probe.removeAttribute('href');
                    a.parentElement.insertBefore(probe, a);
                    const plain = look(probe);
                    probe.remove();
                    const box = a.getBoundingClientRect();
                    const clipped = getComputedStyle(a.parentElement).overflow !== 'visible' && !/inset/.test(getComputedStyle(a).boxShadow) && getComputedStyle(a).outlineStyle === 'none';
                    return { href: a.getAttribute('href'), focused, plain, visible: box.width > 0 && box.height > 0, clipped };
                }
                """);
            if (focus is null)
            {
                continue;
            }

            reached.Add(focus.Href);
            if (focus.Focused == focus.Plain || !focus.Visible || focus.Clipped)
            {
                unstyled.Add($"{focus.Href}: focused '{focus.Focused}' vs plain '{focus.Plain}', clipped: {focus.Clipped}");
            }
        }

        Assert.Equal(wanted.Order(), reached.Order());
        Assert.True(unstyled.Count == 0, "Links without a visible focus style:\n" + string.Join('\n', unstyled));
    }

    private sealed class FocusState
    {
        public string Href { get; set; } = string.Empty;

        public string Focused { get; set; } = string.Empty;

        public string Plain { get; set; } = string.Empty;

        public bool Visible { get; set; }

        public bool Clipped { get; set; }
    }

    [Theory]
    [InlineData("ru-RU", "Цифровой Алматы")]
    [InlineData("en-US", "Digital Almaty")]
    public async Task Images_HaveAlt_AndTheBrandLinkHasAName(string culture, string brand)
    {
        var (idea, cityEvent) = await PublishedAsync();
        await using var context = await session.NewContextAsync(Desktop);
        var page = await context.NewPageAsync();

        foreach (var path in new[] { "/", "/ideas", $"/ideas/{idea}", $"/events/{cityEvent}", "/Identity/Account/Login" })
        {
            await page.GotoAsync(WithCulture(path, culture));
            var withoutAlt = await page.EvaluateAsync<string[]>(
                "() => [...document.querySelectorAll('img:not([alt])')].map(i => i.outerHTML)");
            Assert.True(withoutAlt.Length == 0, $"{path}: images without alt:\n{string.Join('\n', withoutAlt)}");

            // The logo is decorative (alt=""), so the link's name comes from the visible brand text.
            await Assertions.Expect(page.Locator("a.brand img")).ToHaveAttributeAsync("alt", string.Empty);
            await Assertions.Expect(page.Locator("a.brand")).ToHaveAccessibleNameAsync(new System.Text.RegularExpressions.Regex("^" + brand));
        }
    }
}
