using DigitalAlmaty.Domain.Accounts;
using DigitalAlmaty.Domain.Submissions;
using DigitalAlmaty.Tests.Support;
using DigitalAlmaty.Web.Features.Moderation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static DigitalAlmaty.Tests.Support.SubmissionSeed;
using static DigitalAlmaty.Tests.Web.ModerationServiceTests;

namespace DigitalAlmaty.Tests.Browser;

public sealed class NotificationBellInBrowserTests(BrowserSession session) : IClassFixture<BrowserSession>
{
    private const string Password = "Bell-Pass-2026";

    private async Task<(string Id, string Email)> UserAsync(string name, params string[] roles)
    {
        var email = $"{Guid.NewGuid():N}@example.kz";
        var user = await session.Portal.CreateUserAsync(email, Password, name, roles);
        return (user.Id, email);
    }

    private async Task DecideAsync(string moderatorId, Submission submission, ModerationDecision decision)
    {
        using var scope = session.Portal.Services.CreateScope();
        var result = await scope.ServiceProvider.GetRequiredService<ModerationService>()
            .DecideAsync(Principal(moderatorId, PortalRoles.Moderator), submission.Id, submission.Revision, decision);
        Assert.True(result.Succeeded, result.ErrorCode);
    }

    private static async Task ShotAsync(IPage page, string name) =>
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserSession.ScreenshotDirectory, name + ".png"), FullPage = false });

    private static async Task AssertFitsAsync(IPage page)
    {
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        Assert.True(overflow <= 0, $"The page is {overflow}px wider than the screen.");
    }

    private static ILocator Bell(IPage page) => page.Locator("[data-testid=bell]");

    [Fact]
    public async Task Decision_RingsTheOpenBell_WithoutReload_AndMarkAllReadClearsIt()
    {
        var (author, email) = await UserAsync("Айгерим Сапарова");
        var (moderator, _) = await UserAsync("Модератор Ержан", PortalRoles.Moderator);
        var idea = await new SubmissionSeed(session.Portal).IdeaAsync(author, "Умные остановки", Submit(author));
        await using var context = await session.NewContextAsync();
        var page = await context.NewPageAsync();
        await new LoginPage(page).SignInAsync(email, Password);
        await page.GotoAsync("/");
        await Assertions.Expect(page.Locator(".bell[data-interactive=true]")).ToHaveCountAsync(1);
        await Assertions.Expect(Bell(page)).ToHaveAttributeAsync("aria-label", "Нет непрочитанных уведомлений");
        await Assertions.Expect(page.Locator("[data-testid=bell-count]")).ToHaveCountAsync(0);
        await page.EvaluateAsync("() => window.__sameDocument = true");

        await DecideAsync(moderator, idea, ModerationDecision.Approve("Публикуем, спасибо!"));

        await Assertions.Expect(page.Locator("[data-testid=bell-count]")).ToHaveTextAsync("1", new() { Timeout = 5_000 });
        await Assertions.Expect(Bell(page)).ToHaveAttributeAsync("aria-label", "1 непрочитанное уведомление");
        Assert.True(await page.EvaluateAsync<bool>("() => window.__sameDocument === true"), "The page was reloaded.");

        await Bell(page).ClickAsync();
        var panel = page.Locator("[data-testid=bell-panel]");
        await Assertions.Expect(panel).ToContainTextAsync("«Умные остановки» одобрено и опубликовано");
        await Assertions.Expect(panel).ToContainTextAsync("Публикуем, спасибо!");
        await Assertions.Expect(Bell(page)).ToHaveAttributeAsync("aria-expanded", "true");
        await Assertions.Expect(panel.Locator($"a[href='my/{idea.Id}']")).ToHaveCountAsync(1);

        await panel.GetByRole(AriaRole.Button, new() { Name = "Отметить все как прочитанные" }).ClickAsync();

        await Assertions.Expect(page.Locator("[data-testid=bell-count]")).ToHaveCountAsync(0);
        await Assertions.Expect(Bell(page)).ToHaveAttributeAsync("aria-label", "Нет непрочитанных уведомлений");
        await Assertions.Expect(panel).ToContainTextAsync("«Умные остановки» одобрено и опубликовано");

        // Escape closes the panel and gives the focus back to the bell.
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(panel).ToHaveCountAsync(0);
        await Assertions.Expect(Bell(page)).ToBeFocusedAsync();
    }

    [Fact]
    public async Task Bell_FitsAPhone_AndADesktop_InRussianAndKazakh()
    {
        var (author, email) = await UserAsync("Дәурен Қасымов");
        var (moderator, _) = await UserAsync("Модератор Айгуль", PortalRoles.Moderator);
        var seed = new SubmissionSeed(session.Portal);
        var first = await seed.IdeaAsync(author, "Единая карта свободных парковок в центре города", Submit(author));
        var second = await seed.EventAsync(author, "Открытая встреча разработчиков городских сервисов Алматы", Submit(author));
        var third = await seed.IdeaAsync(author, "Умные светофоры", Submit(author));
        await DecideAsync(moderator, first, ModerationDecision.Approve());
        await DecideAsync(moderator, second, ModerationDecision.RequestInformation("Уточните, пожалуйста, на каком языке пройдёт встреча и нужна ли регистрация заранее."));
        await DecideAsync(moderator, third, ModerationDecision.Reject([ModerationClauses.IncompleteIdea], "Опишите, как будут собираться данные."));

        foreach (var (viewport, device) in new[] { (new ViewportSize { Width = 390, Height = 844 }, "phone"), (new ViewportSize { Width = 1280, Height = 900 }, "desktop") })
        {
            await using var context = await session.NewContextAsync(viewport);
            var page = await context.NewPageAsync();
            await new LoginPage(page).SignInAsync(email, Password);
            foreach (var culture in new[] { "ru-RU", "kk-KZ" })
            {
                await page.GotoAsync($"/?culture={culture}");
                await Assertions.Expect(page.Locator(".bell[data-interactive=true]")).ToHaveCountAsync(1);
                await Assertions.Expect(page.Locator("[data-testid=bell-count]")).ToHaveTextAsync("3");
                await AssertFitsAsync(page);
                await ShotAsync(page, $"bell-closed-{culture[..2]}-{device}");

                await Bell(page).ClickAsync();
                var panel = page.Locator("[data-testid=bell-panel]");
                await Assertions.Expect(panel.Locator(".bell__item")).ToHaveCountAsync(3);
                var box = await panel.BoundingBoxAsync();
                Assert.NotNull(box);
                Assert.True(box.X >= 0 && box.X + box.Width <= viewport.Width, $"The panel ({box.X}..{box.X + box.Width}) leaves the {viewport.Width}px screen.");
                await AssertFitsAsync(page);
                await ShotAsync(page, $"bell-open-{culture[..2]}-{device}");
                await page.Keyboard.PressAsync("Escape");
                await Assertions.Expect(panel).ToHaveCountAsync(0);
            }
        }
    }

    [Fact]
    public async Task AuditLog_OnADesktop()
    {
        var (author, _) = await UserAsync("Автор журнала");
        var (moderator, _) = await UserAsync("Модератор Бекзат", PortalRoles.Moderator);
        var (_, adminEmail) = await UserAsync("Администратор", PortalRoles.Admin);
        var seed = new SubmissionSeed(session.Portal);
        var idea = await seed.IdeaAsync(author, "Единая карта свободных парковок в центре города", Submit(author));
        var cityEvent = await seed.EventAsync(author, "Встреча разработчиков", Submit(author));
        await DecideAsync(moderator, idea, ModerationDecision.Approve("Публикуем."));
        await DecideAsync(moderator, cityEvent, ModerationDecision.Reject([ModerationClauses.NotAPublicItEvent, ModerationClauses.Misleading], "Событие не связано с ИТ и описание вводит в заблуждение."));
        await using var context = await session.NewContextAsync();
        var page = await context.NewPageAsync();
        await new LoginPage(page).SignInAsync(adminEmail, Password);

        await page.GotoAsync("/admin/audit?actor=" + Uri.EscapeDataString("Бекзат"));
        await Assertions.Expect(page.Locator(".audit-row")).ToHaveCountAsync(2);
        await AssertFitsAsync(page);
        await ShotAsync(page, "audit-ru-desktop");
        await page.GotoAsync("/admin/audit?culture=kk-KZ&action=Submission.Reject&actor=" + Uri.EscapeDataString("Бекзат"));
        await Assertions.Expect(page.Locator(".audit-row")).ToHaveCountAsync(1);
        await AssertFitsAsync(page);
        await ShotAsync(page, "audit-kk-desktop-filtered");
    }
}
