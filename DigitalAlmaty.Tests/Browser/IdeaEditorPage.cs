using Microsoft.Playwright;

namespace DigitalAlmaty.Tests.Browser;

/// <summary>The idea editor as a person uses it (Russian labels).</summary>
public sealed class IdeaEditorPage(IPage page)
{
    public ILocator Title => page.GetByLabel("Заголовок *");

    public ILocator Summary => page.GetByLabel("Краткое описание *");

    public ILocator Category => page.GetByLabel("Категория *");

    public ILocator Goal => page.Locator("#idea-goal");

    public ILocator Tasks => page.Locator("#idea-tasks");

    public ILocator Benefit => page.Locator("#idea-benefit");

    public ILocator Prior => page.Locator("#idea-prior");

    public ILocator SaveState => page.Locator("[data-testid=save-state]");

    public ILocator SubmitButton => page.Locator("[data-testid=submit]");

    public async Task OpenNewAsync()
    {
        await page.GotoAsync("/ideas/new");
        await Assertions.Expect(SubmitButton).ToBeEnabledAsync();
    }

    public async Task WaitUntilSavedAsync() =>
        await Assertions.Expect(SaveState).ToContainTextAsync("Черновик сохранён", new() { Timeout = 15_000 });
}
