using DigitalAlmaty.Domain.Accounts;
using DigitalAlmaty.Tests.Support;
using Microsoft.Playwright;
using static DigitalAlmaty.Tests.Support.SubmissionSeed;

namespace DigitalAlmaty.Tests.Browser;

/// <summary>
/// In Chromium: a resident on a phone supports and follows an idea; an editor answers it in Kazakh
/// on a desktop; the idea shows the answer and the resident's bell has it.
/// </summary>
public sealed class ParticipationInBrowserTests(BrowserSession session) : IClassFixture<BrowserSession>
{
    private const string Password = "Participation-Pass-2026";

    private async Task<string> UserAsync(string displayName, params string[] roles)
    {
        var email = $"take-part-{Guid.NewGuid():N}@example.kz";
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

    private static async Task ShotAsync(IPage page, string name) =>
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserSession.ScreenshotDirectory, name + ".png"), FullPage = true });

    private static async Task AssertFitsAsync(IPage page)
    {
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        Assert.True(overflow <= 0, $"The page is {overflow}px wider than the screen.");
    }

    [Fact]
    public async Task AResidentSupportsAndFollows_AnEditorAnswers_AndTheResidentIsTold()
    {
        var author = await session.Portal.CreateUserAsync($"take-part-author-{Guid.NewGuid():N}@example.kz", Password, "Автор Идеи");
        var idea = await new SubmissionSeed(session.Portal).IdeaAsync(author.Id, "Тень и вода на остановках", Submit(author.Id), Approve());

        await using var phone = await session.NewContextAsync(new ViewportSize { Width = 390, Height = 844 });
        var resident = await SignedInAsync(phone, await UserAsync("Жительница Алматы"));
        await resident.GotoAsync($"/ideas/{idea.Id}?culture=ru-RU");
        await Assertions.Expect(resident.Locator("[data-testid=support-count]")).ToHaveTextAsync("Поддержали: 0");
        await resident.Locator("[data-testid=support-button]").ClickAsync();
        await Assertions.Expect(resident.Locator("[data-testid=support-mine]")).ToBeVisibleAsync();
        await Assertions.Expect(resident.Locator("[data-testid=support-count]")).ToHaveTextAsync("Поддержали: 1");
        await resident.Locator("[data-testid=follow-button]").ClickAsync();
        await Assertions.Expect(resident.Locator("[data-testid=unfollow-button]")).ToBeVisibleAsync();
        await AssertFitsAsync(resident);
        await ShotAsync(resident, "idea-supported-ru-phone");

        await using var desktop = await session.NewContextAsync(new ViewportSize { Width = 1280, Height = 900 });
        var editor = await SignedInAsync(desktop, await UserAsync("Редактор Департамента", PortalRoles.Editor));
        await editor.GotoAsync($"/ideas/{idea.Id}?culture=kk-KZ");
        await editor.Locator("[data-testid=answer-link]").ClickAsync();
        await Assertions.Expect(editor.Locator("[data-testid=answer-form]")).ToBeVisibleAsync();
        await editor.Locator("label[for=answer-status-accepted]").ClickAsync();
        await editor.Locator("#answer-TextRu").FillAsync("Идея принята: пилот начнётся весной на десяти остановках.");
        await editor.Locator("#answer-TextKk").FillAsync("Идея қабылданды: пилот көктемде он аялдамада басталады.");
        await ShotAsync(editor, "city-answer-form-kk-desktop");
        await editor.Locator("[data-testid=answer-submit]").ClickAsync();
        await Assertions.Expect(editor.Locator("[data-testid=city-status]")).ToHaveTextAsync("Қабылданды");
        await Assertions.Expect(editor.Locator("[data-testid=city-answer]")).ToContainTextAsync("пилот көктемде");
        await ShotAsync(editor, "idea-answered-kk-desktop");

        await resident.GotoAsync("/notifications?culture=ru-RU");
        await Assertions.Expect(resident.Locator("main")).ToContainTextAsync("Город принял идею «Тень и вода на остановках»");
        await resident.GotoAsync($"/ideas/{idea.Id}?culture=ru-RU");
        await Assertions.Expect(resident.Locator("[data-testid=city-status]")).ToHaveTextAsync("Принята");
        await AssertFitsAsync(resident);
        await ShotAsync(resident, "idea-answered-ru-phone");
    }
}
