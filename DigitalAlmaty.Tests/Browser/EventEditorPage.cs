using Microsoft.Playwright;

namespace DigitalAlmaty.Tests.Browser;

/// <summary>The event editor as a person uses it (Russian labels).</summary>
public sealed class EventEditorPage(IPage page)
{
    public ILocator Title => page.GetByLabel("Название *");

    public ILocator Description => page.Locator("#event-description");

    public ILocator Starts => page.GetByLabel("Начало *");

    public ILocator Ends => page.GetByLabel("Окончание *");

    public ILocator Online => page.GetByLabel("Онлайн", new() { Exact = true });

    public ILocator OnlineLink => page.GetByLabel("Ссылка на трансляцию *");

    public ILocator Organiser => page.GetByLabel("Организатор *");

    public ILocator Russian => page.GetByLabel("Русский", new() { Exact = true });

    public ILocator SaveState => page.Locator("[data-testid=save-state]");

    public ILocator SubmitButton => page.Locator("[data-testid=submit]");

    public async Task OpenNewAsync(string? culture = null)
    {
        await page.GotoAsync(culture is null ? "/events/new" : $"/events/new?culture={culture}");
        await Assertions.Expect(SubmitButton).ToBeEnabledAsync();
    }

    public async Task WaitUntilSavedAsync() =>
        await Assertions.Expect(SaveState).ToContainTextAsync("Черновик сохранён", new() { Timeout = 15_000 });
}
