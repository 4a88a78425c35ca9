using DigitalAlmaty.Tests.Support;
using Microsoft.Playwright;

namespace DigitalAlmaty.Tests.Browser;

/// <summary>An editor writes a news item in Russian and Kazakh and publishes it; an anonymous reader finds it in both.</summary>
public sealed class PublicationEditorInBrowserTests(BrowserSession session) : IClassFixture<BrowserSession>
{
    private const string Password = "Publication-Pass-2026";

    private static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };

    private static async Task ShotAsync(IPage page, string name) =>
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserSession.ScreenshotDirectory, name + ".png"), FullPage = true });

    private static async Task AssertFitsAsync(IPage page)
    {
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        Assert.True(overflow <= 0, $"{page.Url} is {overflow}px wider than the screen.");
    }

    [Fact]
    public async Task Editor_PublishesNewsInRussianAndKazakh_AnonymousReaderSeesBoth()
    {
        var email = $"editor-{Guid.NewGuid():N}@example.kz";
        await session.Portal.CreateUserAsync(email, Password, "Асель Редактор", "Editor");
        var ruTitle = "Город запустил открытые данные";
        var kkTitle = "Қала ашық деректерді іске қосты";

        await using var staff = await session.NewContextAsync();
        var page = await staff.NewPageAsync();
        await new LoginPage(page).SignInAsync(email, Password);
        await Assertions.Expect(new SiteHeader(page).DisplayName).ToBeVisibleAsync();

        await page.GotoAsync("/staff/publications/new?kind=news");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Новая новость");
        await page.Locator("#pub-title-ru").FillAsync(ruTitle);
        await page.Locator("#pub-summary-ru").FillAsync("Более ста наборов данных доступны всем.");
        await page.Locator("#pub-body-ru").FillAsync("## Что нового\n\nПортал открытых данных **работает**.");
        await ShotAsync(page, "publication-editor-ru");

        await page.GetByRole(AriaRole.Tab, new() { Name = "Қазақша" }).ClickAsync();
        await Assertions.Expect(page.Locator("#pub-title-kk")).ToBeVisibleAsync();
        await page.Locator("#pub-title-kk").FillAsync(kkTitle);
        await page.Locator("#pub-body-kk").FillAsync("Ашық деректер порталы **жұмыс істейді**.");

        // A PDF renamed .png: refused as a cover with a clear message, accepted as an attachment.
        var pdf = new FilePayload { Name = "plan.png", MimeType = "image/png", Buffer = "%PDF-1.7\n%%EOF\n"u8.ToArray() };
        await page.Locator("#pub-cover").SetInputFilesAsync(pdf);
        await Assertions.Expect(page.Locator("[data-testid=cover-error]")).ToContainTextAsync("Это не изображение");
        await page.Locator("#pub-attachment").SetInputFilesAsync(pdf);
        await Assertions.Expect(page.Locator("[data-testid=attachments]")).ToContainTextAsync("plan.png");
        await page.Locator("#pub-attachment").SetInputFilesAsync(new FilePayload { Name = "notes.pdf", MimeType = "application/pdf", Buffer = "just text"u8.ToArray() });
        await Assertions.Expect(page.Locator("[data-testid=attachment-error]")).ToContainTextAsync("только PDF или изображение");

        await page.Locator("[data-testid=publish]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=publication-status]")).ToContainTextAsync("Опубликована");
        await Assertions.Expect(page.Locator("[data-testid=publication-notice]")).ToHaveTextAsync("Опубликовано.");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/staff/publications/[0-9a-f-]{36}$"));
        var id = page.Url[(page.Url.LastIndexOf('/') + 1)..];
        await AssertFitsAsync(page);
        await ShotAsync(page, "publication-editor-published");

        await page.GotoAsync("/staff/publications");
        await Assertions.Expect(page.Locator($"[data-testid=publication-row][data-id='{id}']")).ToContainTextAsync("Опубликована");
        await ShotAsync(page, "publication-staff-list");

        // The editor on a phone, in Kazakh.
        await using var staffPhone = await session.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = session.BaseAddress.ToString(), ViewportSize = Phone, StorageState = await staff.StorageStateAsync(),
        });
        var phoneEditor = await staffPhone.NewPageAsync();
        await phoneEditor.GotoAsync($"/staff/publications/{id}?culture=kk-KZ");
        await Assertions.Expect(phoneEditor.Locator("#pub-title-kk")).ToHaveValueAsync(kkTitle);
        await AssertFitsAsync(phoneEditor);
        await ShotAsync(phoneEditor, "publication-editor-kk-phone");

        await using var reader = await session.NewContextAsync();
        var anonymous = await reader.NewPageAsync();
        await anonymous.GotoAsync("/news");
        await Assertions.Expect(anonymous.Locator($".item-card a[href='news/{id}']")).ToHaveTextAsync(ruTitle);
        await ShotAsync(anonymous, "news-list-ru");
        await anonymous.GotoAsync($"/news/{id}?culture=kk-KZ");
        await Assertions.Expect(anonymous.Locator("h1")).ToHaveTextAsync(kkTitle);
        await Assertions.Expect(anonymous.Locator(".markdown strong")).ToHaveTextAsync("жұмыс істейді");
        await Assertions.Expect(anonymous.Locator(".publication__attachments li")).ToContainTextAsync("plan.png (PDF, 15 Б)");
        await ShotAsync(anonymous, "news-page-kk");
        await anonymous.Locator(".publication__languages a[hreflang='ru']").ClickAsync();
        await Assertions.Expect(anonymous.Locator("h1")).ToHaveTextAsync(ruTitle);

        await using var phoneReader = await session.NewContextAsync(Phone);
        var phone = await phoneReader.NewPageAsync();
        await phone.GotoAsync("/news?culture=kk-KZ");
        await Assertions.Expect(phone.Locator($".item-card a[href='news/{id}']")).ToHaveTextAsync(kkTitle);
        await AssertFitsAsync(phone);
        await ShotAsync(phone, "news-list-kk-phone");
        await phone.GotoAsync($"/news/{id}");
        await Assertions.Expect(phone.Locator("h1")).ToHaveTextAsync(kkTitle);
        await AssertFitsAsync(phone);
        await ShotAsync(phone, "news-page-kk-phone");
        await phone.GotoAsync("/?culture=ru-RU");
        await Assertions.Expect(phone.Locator($".home-news a[href='news/{id}']")).ToHaveTextAsync(ruTitle);
        await ShotAsync(phone, "home-news-ru-phone");
    }
}
