using Microsoft.Playwright;

namespace DigitalAlmaty.Tests.Browser;

/// <summary>Page objects: the account steps as a person takes them.</summary>
public sealed class RegisterPage(IPage page)
{
    public async Task OpenAsync() => await page.GotoAsync("/Identity/Account/Register");

    public async Task FillAsync(string displayName, string email, string password, bool accept = true)
    {
        await page.GetByLabel("Имя на портале").FillAsync(displayName);
        await page.GetByLabel("Электронная почта").FillAsync(email);
        await page.GetByLabel("Пароль", new() { Exact = true }).FillAsync(password);
        await page.GetByLabel("Повторите пароль").FillAsync(password);
        if (accept)
        {
            await page.GetByLabel("Я принимаю пользовательское соглашение").CheckAsync();
        }
    }

    public Task SubmitAsync() => page.GetByRole(AriaRole.Button, new() { Name = "Зарегистрироваться" }).ClickAsync();
}

public sealed class LoginPage(IPage page)
{
    public async Task SignInAsync(string email, string password)
    {
        await page.GotoAsync("/Identity/Account/Login");
        await page.GetByLabel("Электронная почта").FillAsync(email);
        await page.GetByLabel("Пароль").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Войти" }).ClickAsync();
    }
}

public sealed class SiteHeader(IPage page)
{
    public ILocator DisplayName => page.Locator("[data-testid=display-name]");

    public ILocator Navigation => page.Locator("nav.main-nav");

    public Task SwitchLanguageAsync(string shortLabel) =>
        page.Locator(".lang-switch a", new() { HasTextString = shortLabel }).ClickAsync();

    public async Task SignOutAsync(string signOutLabel)
    {
        await DisplayName.ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = signOutLabel }).ClickAsync();
    }
}
