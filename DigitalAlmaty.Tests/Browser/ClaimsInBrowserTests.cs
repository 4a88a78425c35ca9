using DigitalAlmaty.Domain.Accounts;
using DigitalAlmaty.Tests.Support;
using Microsoft.Playwright;

namespace DigitalAlmaty.Tests.Browser;

/// <summary>The claim form as a person uses it (ru and kk, desktop and phone), and an administrator answering in the register.</summary>
public sealed class ClaimsInBrowserTests(BrowserSession session) : IClassFixture<BrowserSession>
{
    private const string Password = "Claims-Pass-2026";

    private static readonly (string Device, ViewportSize Viewport)[] Screens =
        [("desktop", new ViewportSize { Width = 1280, Height = 900 }), ("phone", new ViewportSize { Width = 390, Height = 844 })];

    private static async Task ShotAsync(IPage page, string name) =>
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserSession.ScreenshotDirectory, name + ".png"), FullPage = true });

    private static async Task AssertFitsAsync(IPage page) =>
        Assert.True(await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth") <= 0, "The page scrolls sideways.");

    [Theory]
    [InlineData("ru-RU", "Ваше имя", "Отправить обращение", "Обращение зарегистрировано")]
    [InlineData("kk-KZ", "Атыңыз", "Өтінішті жіберу", "Өтініш тіркелді")]
    public async Task Form_KeepsWhatWasTyped_OnAnError_AndFilesTheClaim(string culture, string nameLabel, string submit, string filedTitle)
    {
        foreach (var (device, viewport) in Screens)
        {
            await using var context = await session.NewContextAsync(viewport);
            var page = await context.NewPageAsync();
            await page.GotoAsync($"/claims/new?culture={culture}");
            await AssertFitsAsync(page);
            await ShotAsync(page, $"claims-form-{culture[..2]}-{device}");

            await page.GetByLabel(nameLabel).FillAsync("Айгерим Садыкова");
            await page.Locator("#claim-email").FillAsync("aigerim@example.kz");
            await page.Locator("#claim-topic").SelectOptionAsync("AgreementTerms");
            await page.Locator("#claim-grounds").FillAsync(DateTime.UtcNow.AddDays(-2).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            await page.Locator("#claim-text").FillAsync("Прошу разъяснить пункт соглашения.\nСпасибо.");
            await page.GetByRole(AriaRole.Button, new() { Name = submit }).ClickAsync();

            // The subject was left empty: everything else is still there, and focus is on the field to fix.
            await Assertions.Expect(page.Locator("[data-testid=claim-errors]")).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByLabel(nameLabel)).ToHaveValueAsync("Айгерим Садыкова");
            await Assertions.Expect(page.Locator("#claim-text")).ToHaveValueAsync("Прошу разъяснить пункт соглашения.\nСпасибо.");
            await Assertions.Expect(page.Locator("#claim-topic")).ToHaveValueAsync("AgreementTerms");
            await Assertions.Expect(page.Locator("#claim-subject")).ToBeFocusedAsync();
            await AssertFitsAsync(page);
            await ShotAsync(page, $"claims-form-error-{culture[..2]}-{device}");

            await page.Locator("#claim-subject").FillAsync("Вопрос об условиях");
            await page.GetByRole(AriaRole.Button, new() { Name = submit }).ClickAsync();
            await Assertions.Expect(page.Locator("[data-testid=claim-filed] h1")).ToHaveTextAsync(filedTitle);
            await Assertions.Expect(page.Locator(".claim-filed__number")).ToContainTextAsync("-0000");
            await ShotAsync(page, $"claims-filed-{culture[..2]}-{device}");
        }
    }

    [Fact]
    public async Task Admin_OpensTheRegister_TakesTheClaim_AndSendsTheAnswer()
    {
        var email = $"claims-admin-{Guid.NewGuid():N}@example.kz";
        await session.Portal.CreateUserAsync(email, Password, "Администратор обращений", PortalRoles.Admin);
        await using var context = await session.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/claims/new");
        await page.Locator("#claim-name").FillAsync("Нурлан Абенов");
        await page.Locator("#claim-email").FillAsync("nurlan@example.kz");
        await page.Locator("#claim-topic").SelectOptionAsync("Block");
        await page.Locator("#claim-grounds").FillAsync(DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await page.Locator("#claim-subject").FillAsync("Несогласие с блокировкой");
        await page.Locator("#claim-text").FillAsync("Прошу снять блокировку.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Отправить обращение" }).ClickAsync();
        var number = (await page.Locator(".claim-filed__number").TextContentAsync())!.Split(' ').Last().Trim();

        await new LoginPage(page).SignInAsync(email, Password);
        await Assertions.Expect(new SiteHeader(page).DisplayName).ToBeVisibleAsync();
        await page.GotoAsync("/admin/claims");
        await Assertions.Expect(page.Locator("section[data-interactive=true]")).ToHaveCountAsync(1);
        var row = page.Locator($"tr[data-number='{number}']");
        await Assertions.Expect(row.Locator("[data-testid=days-left]")).ToHaveTextAsync("15");
        await ShotAsync(page, "claims-register-desktop");
        await row.GetByRole(AriaRole.Link, new() { Name = number }).ClickAsync();

        await Assertions.Expect(page.Locator("section[data-interactive=true]")).ToHaveCountAsync(1);
        await page.Locator("[data-testid=claim-take]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=claim-status]")).ToHaveTextAsync("В работе");
        await page.Locator("#claim-answer").FillAsync("Блокировка **снята**.");
        await page.Locator("#claim-answer").BlurAsync();
        await page.Locator("[data-testid=claim-send]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=claim-status]")).ToHaveTextAsync("Дан ответ");
        await Assertions.Expect(page.Locator("[data-testid=claim-answer] strong")).ToHaveTextAsync("снята");
        await ShotAsync(page, "claims-answered-desktop");
        await session.Portal.Mailbox.WaitForAsync("nurlan@example.kz", count: 2);
    }
}
