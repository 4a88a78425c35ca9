using System.Security.Claims;
using DigitalAlmaty.Tests.Support;
using DigitalAlmaty.Web.Features.Submissions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static DigitalAlmaty.Tests.Support.SubmissionSeed;

namespace DigitalAlmaty.Tests.Browser;

/// <summary>Two moderators on the live queue: an item arrives without reload, one approves, the other is told.</summary>
public sealed class ModerationInBrowserTests(BrowserSession session) : IClassFixture<BrowserSession>
{
    private const string Password = "Moderation-Pass-2026";

    private async Task<(string Id, string Email)> UserAsync(string name, string displayName, params string[] roles)
    {
        var email = $"{name}-{Guid.NewGuid():N}@example.kz";
        var user = await session.Portal.CreateUserAsync(email, Password, displayName, roles);
        return (user.Id, email);
    }

    private static async Task<IPage> SignedInAsync(IBrowserContext context, string email)
    {
        var page = await context.NewPageAsync();
        await new LoginPage(page).SignInAsync(email, Password);
        await Assertions.Expect(new SiteHeader(page).DisplayName).ToBeVisibleAsync();
        return page;
    }

    /// <summary>The author sends a saved draft to moderation through the real service (which publishes the event).</summary>
    private async Task SubmitAsAuthorAsync(string authorId, Guid id)
    {
        using var scope = session.Portal.Services.CreateScope();
        var author = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, authorId)], "test"));
        var result = await scope.ServiceProvider.GetRequiredService<SubmissionService>().SubmitAsync(author, id);
        Assert.True(result.Succeeded, result.ErrorCode);
    }

    private static async Task ShotAsync(IPage page, string name) =>
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserSession.ScreenshotDirectory, name + ".png"), FullPage = true });

    private static async Task AssertFitsAsync(IPage page)
    {
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        Assert.True(overflow <= 0, $"The page is {overflow}px wider than the screen.");
    }

    private static ILocator Row(IPage page, Guid id) => page.Locator($"[data-testid=queue-row][data-id='{id}']");

    [Fact]
    public async Task TheQueuesCircuit_RefusesWebSocketCompression_TheBrowserOffers()
    {
        // Deflating every render batch for every open queue cost more CPU than rendering it (see the
        // README's performance section): the server must decline the extension Chromium asks for.
        var (_, moderator) = await UserAsync("deflate", "Модератор Сжатия", "Moderator");
        await using var context = await session.NewContextAsync();
        var page = await SignedInAsync(context, moderator);
        var cdp = await context.NewCDPSessionAsync(page);
        var offered = new List<string>();
        var accepted = new List<string>();
        static string Extensions(System.Text.Json.JsonElement? message, string part)
        {
            var headers = message!.Value.GetProperty(part).GetProperty("headers");
            return headers.EnumerateObject()
                .Where(h => h.Name.Equals("Sec-WebSocket-Extensions", StringComparison.OrdinalIgnoreCase))
                .Select(h => h.Value.GetString() ?? string.Empty)
                .FirstOrDefault() ?? string.Empty;
        }

        cdp.Event("Network.webSocketWillSendHandshakeRequest").OnEvent += (_, message) => { lock (offered) { offered.Add(Extensions(message, "request")); } };
        cdp.Event("Network.webSocketHandshakeResponseReceived").OnEvent += (_, message) => { lock (accepted) { accepted.Add(Extensions(message, "response")); } };
        await cdp.SendAsync("Network.enable");

        await page.GotoAsync("/moderation");
        await Assertions.Expect(page.Locator(".moderation[data-interactive=true]")).ToHaveCountAsync(1);

        lock (offered)
        {
            Assert.Contains(offered, e => e.Contains("permessage-deflate", StringComparison.OrdinalIgnoreCase));
        }

        lock (accepted)
        {
            Assert.NotEmpty(accepted);
            Assert.All(accepted, e => Assert.DoesNotContain("permessage-deflate", e, StringComparison.OrdinalIgnoreCase));
        }
    }

    [Fact]
    public async Task Submission_ReachesAnOpenQueueLive_OneModeratorApproves_TheOtherIsToldItWasDecided()
    {
        var (author, _) = await UserAsync("author", "Айгерим Автор");
        var (_, first) = await UserAsync("first", "Ерлан Первый", "Moderator");
        var (_, second) = await UserAsync("second", "Динара Вторая", "Moderator");
        var draft = await new SubmissionSeed(session.Portal).IdeaAsync(author, $"Живая очередь {Guid.NewGuid():N}"[..24]);

        await using var firstContext = await session.NewContextAsync();
        var queue = await SignedInAsync(firstContext, first);
        await queue.GotoAsync("/moderation");
        await Assertions.Expect(queue.Locator(".moderation[data-interactive=true]")).ToHaveCountAsync(1);
        await queue.EvaluateAsync("() => window.__sameDocument = true");
        var badge = queue.Locator("[data-testid=moderation-count]");
        await Assertions.Expect(badge).ToBeVisibleAsync();
        var countBefore = int.Parse(await badge.InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture);

        await SubmitAsAuthorAsync(author, draft.Id);

        // Within a few seconds, without a reload: the row, highlighted as new, and the badge.
        var row = Row(queue, draft.Id);
        await Assertions.Expect(row).ToBeVisibleAsync(new() { Timeout = 5_000 });
        await Assertions.Expect(row).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("queue-row--new"));
        await Assertions.Expect(row).ToContainTextAsync("Айгерим Автор");
        await Assertions.Expect(badge).ToHaveTextAsync((countBefore + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), new() { Timeout = 5_000 });

        // The second moderator opens the same item; the first one's queue shows who is reviewing it.
        await using var secondContext = await session.NewContextAsync();
        var other = await SignedInAsync(secondContext, second);
        await other.GotoAsync($"/moderation/{draft.Id}");
        await Assertions.Expect(other.Locator("[data-testid=reject]")).ToBeEnabledAsync();
        await Assertions.Expect(row.Locator("[data-testid=presence]")).ToContainTextAsync("Динара Вторая");

        // The first moderator opens it from the queue and approves.
        await row.Locator("button.queue-row__title").ClickAsync();
        await Assertions.Expect(queue.Locator("[data-testid=review]")).ToContainTextAsync(draft.Title);
        await Assertions.Expect(queue).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/moderation/{draft.Id}$"));
        await ShotAsync(queue, "moderation-review-ru-desktop");
        await queue.Locator("[data-testid=approve]").ClickAsync();
        await Assertions.Expect(queue.Locator("[data-testid=review-result]")).ToHaveTextAsync("Одобрено и опубликовано.");
        await Assertions.Expect(row).ToHaveCountAsync(0);
        await Assertions.Expect(badge).ToHaveTextAsync(countBefore.ToString(System.Globalization.CultureInfo.InvariantCulture), new() { Timeout = 5_000 });
        Assert.True(await queue.EvaluateAsync<bool>("() => window.__sameDocument === true"), "The queue was reloaded.");

        // The second moderator, still on the old revision, rejects: told who decided first; nothing is overwritten.
        await other.Locator("[data-testid=reject]").ClickAsync();
        await other.Locator("#clause-3").CheckAsync();
        await other.Locator("[data-testid=confirm]").ClickAsync();
        var error = other.Locator("[data-testid=review-error]");
        await Assertions.Expect(error).ToContainTextAsync("Уже решено: Ерлан Первый");
        await Assertions.Expect(error).ToContainTextAsync("Одобрено");
        await Assertions.Expect(other.Locator("[data-testid=review-status]")).ToHaveTextAsync("Опубликовано");
        await Assertions.Expect(other.Locator("[data-testid=reject]")).ToHaveCountAsync(0);
        await ShotAsync(other, "moderation-already-decided-ru-desktop");
    }

    [Fact]
    public async Task RowAges_MoveOnInTheBrowser_InTheReadersLanguage()
    {
        var (author, _) = await UserAsync("aging", "Айгерим Ожидающая");
        var (_, moderator) = await UserAsync("ager", "Ерлан Часовой", "Moderator");
        var idea = await new SubmissionSeed(session.Portal).IdeaAsync(author, $"Возраст строки {Guid.NewGuid():N}"[..24]);
        await SubmitAsAuthorAsync(author, idea.Id);

        await using var context = await session.NewContextAsync();
        var page = await SignedInAsync(context, moderator);
        await page.GotoAsync("/moderation?culture=kk-KZ");
        await Assertions.Expect(page.Locator(".moderation[data-shortcuts=on]")).ToHaveCountAsync(1);
        var age = Row(page, idea.Id).Locator(".queue-row__age");
        await Assertions.Expect(age).ToHaveTextAsync("Кезекте: жаңа ғана");

        // The row entered the queue 3 h 5 min ago as far as the browser knows; the page's own refresh words it.
        await page.EvaluateAsync(
            @"async id => {
                const age = document.querySelector(`[data-id='${id}'] .queue-row__age`);
                age.dataset.since = String(Date.now() - (3 * 60 + 5) * 60000 - 1000);
                (await import('./Features/Moderation/ModerationQueuePage.razor.js')).refreshAges();
            }",
            idea.Id.ToString("D"));
        await Assertions.Expect(age).ToHaveTextAsync("Кезекте: 3 сағ 5 мин");
    }

    [Fact]
    public async Task Queue_FitsAPhone_AndADesktop_InRussianAndKazakh()
    {
        var (author, _) = await UserAsync("looks", "Айгерим Сапарова");
        var (_, moderator) = await UserAsync("looker", "Ерлан Модератор", "Moderator");
        var seed = new SubmissionSeed(session.Portal);
        var idea = await seed.IdeaAsync(author, "Единая карта свободных парковок в центре Алматы", Submit(author));
        await seed.EventAsync(author, "Открытая встреча разработчиков городских сервисов", Submit(author));
        // A resubmission, so that the panel shows what changed.
        var again = await seed.IdeaAsync(author, "Умные остановки", Submit(author), AskForMore("Сколько остановок в пилоте?"),
            (s, at) => s.Edit(author, IdeaContent("Умные остановки на проспекте Абая") with { Goal = "Сократить ожидание автобуса на проспекте Абая вдвое." }, at),
            (s, at) => s.Submit(author, at, "12 остановок"));

        foreach (var (viewport, device) in new[] { (new ViewportSize { Width = 390, Height = 844 }, "phone"), (new ViewportSize { Width = 1280, Height = 900 }, "desktop") })
        {
            await using var context = await session.NewContextAsync(viewport);
            var page = await SignedInAsync(context, moderator);
            foreach (var culture in new[] { "ru-RU", "kk-KZ" })
            {
                await page.GotoAsync($"/moderation?culture={culture}");
                await Assertions.Expect(Row(page, idea.Id)).ToBeVisibleAsync();
                await AssertFitsAsync(page);
                await ShotAsync(page, $"moderation-queue-{culture[..2]}-{device}");

                await page.GotoAsync($"/moderation/{again.Id}?culture={culture}");
                await Assertions.Expect(page.Locator("[data-testid=review-diff] ins").First).ToBeVisibleAsync();
                await Assertions.Expect(page.Locator("[data-testid=review-diff] del").First).ToBeVisibleAsync();
                await AssertFitsAsync(page);
                await ShotAsync(page, $"moderation-review-{culture[..2]}-{device}");
            }

            // Keyboard: ? shows the help, r opens the rejection with the clauses.
            await page.GotoAsync($"/moderation/{again.Id}");
            await Assertions.Expect(page.Locator("[data-testid=reject]")).ToBeEnabledAsync();
            await Assertions.Expect(page.Locator(".moderation[data-shortcuts=on]")).ToHaveCountAsync(1);
            await page.Keyboard.PressAsync("?");
            await Assertions.Expect(page.Locator("[data-testid=shortcut-help]")).ToBeVisibleAsync();
            await ShotAsync(page, $"moderation-help-ru-{device}");
            await page.Keyboard.PressAsync("Escape");
            await Assertions.Expect(page.Locator("[data-testid=shortcut-help]")).ToHaveCountAsync(0);
            await page.Keyboard.PressAsync("r");
            await Assertions.Expect(page.Locator("#clause-0")).ToBeFocusedAsync();
            // Typing in the message does not trigger shortcuts.
            await page.Locator("#review-message").FillAsync("");
            await page.Locator("#review-message").PressSequentiallyAsync("a?");
            await Assertions.Expect(page.Locator("[data-testid=shortcut-help]")).ToHaveCountAsync(0);
            await Assertions.Expect(page.Locator("#review-message")).ToHaveValueAsync("a?");
            await Assertions.Expect(page.Locator("[data-testid=review-result]")).ToHaveCountAsync(0);
        }
    }
}
