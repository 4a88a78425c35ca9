using DigitalAlmaty.Domain.Accounts;
using DigitalAlmaty.Tests.Support;
using Microsoft.Playwright;
using static DigitalAlmaty.Tests.Support.SubmissionSeed;

namespace DigitalAlmaty.Tests.Browser;

/// <summary>A reader reports an idea in Chromium; the report arrives live in an open moderation queue; the moderator dismisses it.</summary>
public sealed class FlagsInBrowserTests(BrowserSession session) : IClassFixture<BrowserSession>
{
    private const string Password = "Flags-Pass-2026";

    private async Task<(string Id, string Email)> UserAsync(string displayName, params string[] roles)
    {
        var email = $"flag-{Guid.NewGuid():N}@example.kz";
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

    private static async Task ShotAsync(IPage page, string name) =>
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserSession.ScreenshotDirectory, name + ".png"), FullPage = true });

    private static async Task AssertFitsAsync(IPage page)
    {
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        Assert.True(overflow <= 0, $"The page is {overflow}px wider than the screen.");
    }

    [Fact]
    public async Task Report_ArrivesLiveInTheQueue_AndIsDismissed()
    {
        var (authorId, _) = await UserAsync("Автор Идеи");
        var idea = await new SubmissionSeed(session.Portal).IdeaAsync(authorId, "Карта велодорожек Алматы", Submit(authorId), Approve());
        var (_, moderatorEmail) = await UserAsync("Модератор Жалоб", PortalRoles.Moderator);
        var (_, readerEmail) = await UserAsync("Читатель Внимательный");

        await using var moderatorContext = await session.NewContextAsync(new ViewportSize { Width = 1280, Height = 900 });
        var queue = await SignedInAsync(moderatorContext, moderatorEmail);
        await queue.GotoAsync("/moderation?culture=ru-RU");
        await Assertions.Expect(queue.Locator(".moderation[data-interactive=true]")).ToHaveCountAsync(1);

        foreach (var (culture, device, viewport) in new[] { ("ru-RU", "phone", new ViewportSize { Width = 390, Height = 844 }), ("kk-KZ", "desktop", new ViewportSize { Width = 1280, Height = 900 }) })
        {
            await using var context = await session.NewContextAsync(viewport);
            var page = await SignedInAsync(context, culture == "ru-RU" ? readerEmail : (await UserAsync($"Оқырман {device}")).Email);
            await page.GotoAsync($"/ideas/{idea.Id}?culture={culture}");
            await page.Locator("[data-testid=report-link]").ClickAsync();
            await Assertions.Expect(page.Locator("[data-testid=report-form]")).ToBeVisibleAsync();
            await AssertFitsAsync(page);
            await ShotAsync(page, $"report-form-{culture[..2]}-{device}");
            await page.Locator("label[for=report-clause-3]").ClickAsync();
            await page.Locator("#report-message").FillAsync("Сроки реализации в тексте не совпадают с официальными данными.");
            await page.Locator("[data-testid=report-submit]").ClickAsync();
            await Assertions.Expect(page.Locator("[data-testid=report-done]")).ToBeVisibleAsync();
            await ShotAsync(page, $"report-done-{culture[..2]}-{device}");
        }

        // The open queue shows the item live, with the count and the reason.
        var row = queue.Locator("[data-testid=flagged-row]");
        await Assertions.Expect(row.Locator("[data-testid=flag-count]")).ToContainTextAsync("Жалоб: 2");
        await Assertions.Expect(row.Locator("[data-testid=flag-reasons]")).ToContainTextAsync("4.3.6");
        await ShotAsync(queue, "moderation-flagged-ru-desktop");

        await row.Locator(".queue-row__title").ClickAsync();
        await Assertions.Expect(queue.Locator("[data-testid=review-flags]")).ToContainTextAsync("Читатель Внимательный");
        await ShotAsync(queue, "moderation-flag-review-ru-desktop");
        await queue.Locator("[data-testid=dismiss-flags]").ClickAsync();
        await queue.Locator("[data-testid=confirm-dismiss]").ClickAsync();
        await Assertions.Expect(queue.Locator("[data-testid=review-result]")).ToBeVisibleAsync();
        await Assertions.Expect(queue.Locator("[data-testid=flagged-row]")).ToHaveCountAsync(0);
    }
}
