using DigitalAlmaty.Tests.Support;
using Microsoft.Playwright;
using static DigitalAlmaty.Tests.Support.SubmissionSeed;

namespace DigitalAlmaty.Tests.Browser;

public sealed class WorkspaceInBrowserTests(BrowserSession session) : IClassFixture<BrowserSession>
{
    private const string Password = "Workspace-Pass-2026";

    private async Task<(string Id, string Email)> UserAsync(string name)
    {
        var email = $"{name}-{Guid.NewGuid():N}@example.kz";
        var user = await session.Portal.CreateUserAsync(email, Password, "Айгерим Сапарова");
        return (user.Id, email);
    }

    private static async Task ShotAsync(IPage page, string name) =>
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserSession.ScreenshotDirectory, name + ".png"), FullPage = true });

    private static async Task AssertFitsAsync(IPage page)
    {
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        Assert.True(overflow <= 0, $"The page is {overflow}px wider than the screen.");
    }

    [Fact]
    public async Task Author_AnswersTheModerator_AndSeesTheItemBackInModeration_WithoutReload()
    {
        var (me, email) = await UserAsync("answer");
        var seed = new SubmissionSeed(session.Portal);
        var idea = await seed.IdeaAsync(me, "Умные остановки", Submit(me), AskForMore("Сколько остановок будет в пилоте?"));
        await using var context = await session.NewContextAsync();
        var page = await context.NewPageAsync();
        await new LoginPage(page).SignInAsync(email, Password);
        await Assertions.Expect(new SiteHeader(page).DisplayName).ToHaveTextAsync("Айгерим Сапарова");

        await page.GotoAsync($"/my/{idea.Id}");
        var status = page.Locator("[data-testid=item-status]");
        await Assertions.Expect(status).ToHaveTextAsync("Нужны уточнения");
        var send = page.GetByRole(AriaRole.Button, new() { Name = "Ответить и отправить снова" });
        await Assertions.Expect(send).ToBeEnabledAsync(); // enabled once the circuit is interactive
        await page.EvaluateAsync("() => window.__sameDocument = true");

        await page.GetByLabel("Ваш ответ модератору").FillAsync("В пилоте будет 12 остановок на проспекте Абая.");
        await send.ClickAsync();

        await Assertions.Expect(status).ToHaveTextAsync("На модерации");
        await Assertions.Expect(page.Locator(".timeline__entry").First).ToContainTextAsync("Отправлено на модерацию");
        await Assertions.Expect(page.Locator(".timeline__entry").First).ToContainTextAsync("В пилоте будет 12 остановок на проспекте Абая.");
        await Assertions.Expect(page.GetByLabel("Ваш ответ модератору")).ToHaveCountAsync(0);
        Assert.True(await page.EvaluateAsync<bool>("() => window.__sameDocument === true"), "The page was reloaded.");
        await ShotAsync(page, "workspace-item-answered-ru-desktop");

        // The list reflects it too, and on the list a withdrawal elsewhere arrives live.
        await page.GotoAsync("/my");
        var row = page.Locator($".my-item:has(a[href='my/{idea.Id}'])");
        await Assertions.Expect(row).ToContainTextAsync("На модерации");
        await ShotAsync(page, "workspace-list-ru-desktop");
    }

    [Fact]
    public async Task Workspace_FitsAPhone_AndADesktop_InRussianAndKazakh()
    {
        var (me, email) = await UserAsync("looks");
        var seed = new SubmissionSeed(session.Portal);
        var asked = await seed.EventAsync(me, "Открытая встреча разработчиков городских сервисов Алматы", Submit(me),
            AskForMore("Уточните, пожалуйста, на каком языке пройдёт встреча и нужна ли регистрация заранее."));
        await seed.IdeaAsync(me, "Единая карта свободных парковок в центре города", Submit(me));
        await seed.IdeaAsync(me, string.Empty);
        await seed.IdeaAsync(me, "Опубликованная идея", Submit(me), Approve());

        foreach (var (viewport, device) in new[] { (new ViewportSize { Width = 390, Height = 844 }, "phone"), (new ViewportSize { Width = 1280, Height = 900 }, "desktop") })
        {
            await using var context = await session.NewContextAsync(viewport);
            var page = await context.NewPageAsync();
            await new LoginPage(page).SignInAsync(email, Password);
            foreach (var culture in new[] { "ru-RU", "kk-KZ" })
            {
                await page.GotoAsync($"/my?culture={culture}");
                await Assertions.Expect(page.Locator(".my-item")).ToHaveCountAsync(4);
                await AssertFitsAsync(page);
                await ShotAsync(page, $"workspace-list-{culture[..2]}-{device}");

                await page.GotoAsync($"/my/{asked.Id}?culture={culture}");
                await Assertions.Expect(page.Locator("#answer")).ToBeVisibleAsync();
                await AssertFitsAsync(page);
                await ShotAsync(page, $"workspace-item-{culture[..2]}-{device}");
            }
        }
    }

    [Fact]
    public async Task Workspace_FilterChips_SwitchInPlace_AndKeepTheAddress()
    {
        var (me, email) = await UserAsync("chips");
        var seed = new SubmissionSeed(session.Portal);
        await seed.IdeaAsync(me, "Отправленная", Submit(me));
        await seed.IdeaAsync(me, "Черновая");
        await using var context = await session.NewContextAsync();
        var page = await context.NewPageAsync();
        await new LoginPage(page).SignInAsync(email, Password);

        await page.GotoAsync("/my");
        await Assertions.Expect(page.Locator(".my-item")).ToHaveCountAsync(2);
        // Wait for the circuit: the chips then switch without a page load.
        await Assertions.Expect(page.Locator(".workspace[data-interactive=true]")).ToHaveCountAsync(1);
        await page.EvaluateAsync("() => window.__sameDocument = true");
        await page.Locator(".status-filter__chip", new() { HasTextString = "Черновик" }).ClickAsync();

        await Assertions.Expect(page.Locator(".my-item")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator(".my-item")).ToContainTextAsync("Черновая");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/my\\?status=Draft$"));
    }
}
