using DigitalAlmaty.Domain.Accounts;
using DigitalAlmaty.Tests.Support;
using Microsoft.Playwright;
using static DigitalAlmaty.Tests.Support.SubmissionSeed;

namespace DigitalAlmaty.Tests.Browser;

/// <summary>
/// In Chromium: a resident comments on an idea and a second resident, with the page open in Kazakh on
/// a phone, sees it arrive; a third reports it; a moderator hides it from the live queue, and both open
/// pages show it hidden without a reload.
/// </summary>
public sealed class CommentsInBrowserTests(BrowserSession session) : IClassFixture<BrowserSession>
{
    private const string Password = "Comments-Pass-2026";

    private async Task<string> UserAsync(string displayName, params string[] roles)
    {
        var email = $"comments-{Guid.NewGuid():N}@example.kz";
        await session.Portal.CreateUserAsync(email, Password, displayName, roles);
        return email;
    }

    private static async Task<IPage> SignedInAsync(IBrowserContext context, string email)
    {
        var page = await context.NewPageAsync();
        await new LoginPage(page).SignInAsync(email, Password);
        await Assertions.Expect(new SiteHeader(page).DisplayName).ToBeVisibleAsync();
        return page;
    }

    private static async Task OpenLiveAsync(IPage page, string url)
    {
        await page.GotoAsync(url);
        await Assertions.Expect(page.Locator("[data-testid=comments][data-live=true]")).ToHaveCountAsync(1);
        await page.WaitForFunctionAsync("() => window.Blazor !== undefined");
    }

    private static async Task ShotAsync(IPage page, string name) =>
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserSession.ScreenshotDirectory, name + ".png"), FullPage = true });

    [Fact]
    public async Task ACommentArrivesLive_IsReported_AndAModeratorHidesItFromTheQueue()
    {
        var author = await session.Portal.CreateUserAsync($"comments-author-{Guid.NewGuid():N}@example.kz", Password, "Автор Идеи");
        var idea = await new SubmissionSeed(session.Portal).IdeaAsync(author.Id, "Скамейки в тени на Арбате", Submit(author.Id), Approve());

        await using var moderatorContext = await session.NewContextAsync(new ViewportSize { Width = 1280, Height = 900 });
        var queue = await SignedInAsync(moderatorContext, await UserAsync("Модератор Обсуждений", PortalRoles.Moderator));
        await queue.GotoAsync("/moderation?culture=ru-RU");
        await Assertions.Expect(queue.Locator(".moderation[data-interactive=true]")).ToHaveCountAsync(1);

        await using var desktop = await session.NewContextAsync(new ViewportSize { Width = 1280, Height = 900 });
        var writer = await SignedInAsync(desktop, await UserAsync("Асель Пишущая"));
        await OpenLiveAsync(writer, $"/ideas/{idea.Id}?culture=ru-RU");
        await using var phone = await session.NewContextAsync(new ViewportSize { Width = 390, Height = 844 });
        var reader = await SignedInAsync(phone, await UserAsync("Ерлан Оқырман"));
        await OpenLiveAsync(reader, $"/ideas/{idea.Id}?culture=kk-KZ");

        await writer.Locator("[data-testid=comment-text]").FillAsync("Скамейки нужны у **каждой** остановки на Арбате.");
        await writer.Locator("[data-testid=comment-send]").ClickAsync();

        var arrived = reader.Locator("[data-testid=comment]").Filter(new() { HasText = "Скамейки нужны" });
        await Assertions.Expect(arrived).ToHaveCountAsync(1);
        await Assertions.Expect(arrived.Locator("strong").Last).ToHaveTextAsync("каждой");
        await ShotAsync(reader, "comment-arrived-kk-phone");

        await using var reporterContext = await session.NewContextAsync(new ViewportSize { Width = 1280, Height = 900 });
        var reporter = await SignedInAsync(reporterContext, await UserAsync("Читатель Строгий"));
        await OpenLiveAsync(reporter, $"/ideas/{idea.Id}?culture=ru-RU");
        var reported = reporter.Locator("[data-testid=comment]").Filter(new() { HasText = "Скамейки нужны" });
        await reported.Locator("[data-testid=comment-report]").ClickAsync();
        await reported.Locator("[data-testid=comment-report-clause]").SelectOptionAsync("4.3.6");
        await reported.Locator("[data-testid=comment-report-message]").FillAsync("Вводит в заблуждение о сроках.");
        await reported.Locator("[data-testid=comment-report-send]").ClickAsync();
        await Assertions.Expect(reporter.Locator("[data-testid=comments-notice]")).ToBeVisibleAsync();

        var row = queue.Locator("[data-testid=comment-queue-row]").Filter(new() { HasText = "Скамейки нужны" });
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await Assertions.Expect(row.Locator("[data-testid=comment-flag-reasons]")).ToContainTextAsync("4.3.6");
        await ShotAsync(queue, "comment-queue-ru-desktop");
        await row.Locator("[data-testid=comment-hide-clause]").SelectOptionAsync("4.3.6");
        await row.Locator("[data-testid=comment-hide]").ClickAsync();
        await Assertions.Expect(row).ToHaveCountAsync(0);

        await Assertions.Expect(reader.Locator("[data-testid=comment-hidden]")).ToContainTextAsync("4.3.6");
        await Assertions.Expect(writer.Locator("[data-testid=comment-hidden]")).ToBeVisibleAsync();
        await Assertions.Expect(reader.Locator("main")).Not.ToContainTextAsync("Скамейки нужны");
        var overflow = await reader.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        Assert.True(overflow <= 0, $"The page is {overflow}px wider than the screen.");
        await ShotAsync(reader, "comment-hidden-kk-phone");
    }
}
