using DigitalAlmaty.Tests.Support;
using Microsoft.Playwright;

namespace DigitalAlmaty.Tests.Browser;

public sealed class RegistrationInBrowserTests(BrowserSession session) : IClassFixture<BrowserSession>
{
    [Fact]
    public async Task NewPerson_Registers_Confirms_SignsIn_SwitchesLanguages_AndSignsOut()
    {
        await using var context = await session.NewContextAsync();
        var page = await context.NewPageAsync();
        var email = $"browser-{Guid.NewGuid():N}@example.kz";
        const string password = "Alatau-Peak-2026";

        var register = new RegisterPage(page);
        await register.OpenAsync();
        await register.FillAsync("Дәулет Сейітов", email, password);
        await register.SubmitAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Проверьте почту");

        var letter = await session.Portal.Mailbox.WaitForAsync(email);
        await page.GotoAsync(Mailbox.FirstLink(letter).PathAndQuery);
        await Assertions.Expect(page.Locator(".alert--success")).ToContainTextAsync("Адрес подтверждён");

        await new LoginPage(page).SignInAsync(email, password);
        var header = new SiteHeader(page);
        await Assertions.Expect(header.DisplayName).ToHaveTextAsync("Дәулет Сейітов");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserSession.ScreenshotDirectory, "signed-in-ru.png") });

        await header.SwitchLanguageAsync("ҚАЗ");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "kk");
        await Assertions.Expect(header.Navigation).ToContainTextAsync("Жаңалықтар");
        await Assertions.Expect(header.DisplayName).ToHaveTextAsync("Дәулет Сейітов");

        await header.SwitchLanguageAsync("ENG");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Assertions.Expect(header.Navigation).ToContainTextAsync("Projects");

        await header.SignOutAsync("Sign out");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("You have signed out.");
        await Assertions.Expect(header.DisplayName).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Registration_WithMistakes_KeepsEverythingTyped_OnAPhone_InKazakh()
    {
        await using var context = await session.NewContextAsync(new ViewportSize { Width = 390, Height = 844 });
        var page = await context.NewPageAsync();

        await page.GotoAsync("/Identity/Account/Register?culture=kk-KZ");
        await page.GetByLabel("Порталдағы атыңыз").FillAsync("Әлия");
        await page.GetByLabel("Электрондық пошта").FillAsync("aliya-at-mail");
        await page.GetByLabel("Құпиясөз", new() { Exact = true }).FillAsync("qysqa");
        await page.GetByRole(AriaRole.Button, new() { Name = "Тіркелу" }).ClickAsync();

        await Assertions.Expect(page.Locator(".alert--error")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#Input_Email-error")).ToContainTextAsync("Электрондық пошта мекенжайын енгізіңіз");
        await Assertions.Expect(page.Locator("#Input_AcceptAgreement-error")).ToContainTextAsync("келісімін қабылдаңыз");
        await Assertions.Expect(page.GetByLabel("Порталдағы атыңыз")).ToHaveValueAsync("Әлия");
        await Assertions.Expect(page.GetByLabel("Электрондық пошта")).ToHaveValueAsync("aliya-at-mail");
        await Assertions.Expect(page.Locator("#Input_Email")).ToBeFocusedAsync();

        // The page fits the phone: nothing wider than the screen.
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        Assert.True(overflow <= 0, $"The page is {overflow}px wider than the phone screen.");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserSession.ScreenshotDirectory, "register-errors-kk-phone.png"), FullPage = true });
    }

    [Fact]
    public async Task PhoneMenu_OpensTheSections()
    {
        await using var context = await session.NewContextAsync(new ViewportSize { Width = 390, Height = 844 });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");

        var news = page.Locator("nav.main-nav a[href='news']");
        await Assertions.Expect(news).ToBeHiddenAsync();
        await page.Locator(".menu-toggle summary").ClickAsync();
        await Assertions.Expect(news).ToBeVisibleAsync();
        await news.ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Новости");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserSession.ScreenshotDirectory, "news-phone.png") });
    }
}
