using DigitalAlmaty.Domain.Ideas;
using DigitalAlmaty.Domain.Submissions;
using DigitalAlmaty.Tests.Support;
using DigitalAlmaty.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DigitalAlmaty.Tests.Browser;

public sealed class IdeaEditorInBrowserTests(BrowserSession session) : IClassFixture<BrowserSession>
{
    private const string Password = "Alatau-Peak-2026";

    private async Task<(IBrowserContext Context, IPage Page, string Email)> SignedInAsync(ViewportSize? viewport = null)
    {
        var email = $"author-{Guid.NewGuid():N}@example.kz";
        await session.Portal.CreateUserAsync(email, Password, "Айгүл Автор");
        var context = await session.NewContextAsync(viewport);
        var page = await context.NewPageAsync();
        await new LoginPage(page).SignInAsync(email, Password);
        await Assertions.Expect(new SiteHeader(page).DisplayName).ToHaveTextAsync("Айгүл Автор");
        return (context, page, email);
    }

    private async Task<Idea> StoredIdeaAsync(string email)
    {
        using var scope = session.Portal.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var authorId = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
        return await db.Ideas.AsNoTracking().SingleAsync(i => i.AuthorId == authorId);
    }

    [Fact]
    public async Task KazakhIdea_WithMarkdown_Autosaves_SurvivesReload_AndIsSubmitted()
    {
        var (context, page, email) = await SignedInAsync();
        await using var _ = context;
        var editor = new IdeaEditorPage(page);
        const string goal = "Қала тұрғындарына **ашық деректер** беру: әғқңөұүһі";
        const string tasks = "- API жасау\n- Деректерді жариялау\n- Навигаторларды қосу";

        await editor.OpenNewAsync();
        await editor.Title.FillAsync("Ашық деректер порталы");
        await editor.Summary.FillAsync("Қаланың барлық ашық деректері бір жерде.");
        await editor.Category.SelectOptionAsync("open-data");
        await editor.Goal.FillAsync(goal);
        await editor.Tasks.FillAsync(tasks);
        await editor.Benefit.FillAsync("Уақыт үнемделеді, кептелістер азаяды.");
        await editor.Prior.FillAsync("Таллин мен Сеулде осындай жүйелер бар.");
        await editor.WaitUntilSavedAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/ideas/[0-9a-f-]{36}/edit$"));

        await page.ReloadAsync();
        await Assertions.Expect(editor.SubmitButton).ToBeEnabledAsync();
        await Assertions.Expect(editor.Title).ToHaveValueAsync("Ашық деректер порталы");
        await Assertions.Expect(editor.Goal).ToHaveValueAsync(goal);
        await Assertions.Expect(editor.Tasks).ToHaveValueAsync(tasks);
        await Assertions.Expect(editor.Category).ToHaveValueAsync("open-data");

        await page.GetByRole(AriaRole.Tab, new() { Name = "Предпросмотр" }).First.ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=idea-goal-preview] strong")).ToHaveTextAsync("ашық деректер");

        await editor.SubmitButton.ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=submitted]")).ToContainTextAsync("Отправлено на модерацию");

        var stored = await StoredIdeaAsync(email);
        Assert.Equal(SubmissionStatus.Submitted, stored.Status);
        Assert.Equal(goal, stored.Goal);

        await page.GotoAsync("/my");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Ашық деректер порталы");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("На модерации");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserSession.ScreenshotDirectory, "idea-submitted.png"), FullPage = true });
    }

    [Fact]
    public async Task SubmittingIncompleteIdea_ExplainsEachField_AndFocusesTheFirst()
    {
        var (context, page, _) = await SignedInAsync(new ViewportSize { Width = 390, Height = 844 });
        await using var _ = context;
        var editor = new IdeaEditorPage(page);

        await editor.OpenNewAsync();
        await editor.Title.FillAsync("Только заголовок");
        await editor.Goal.FillAsync(string.Join(' ', Enumerable.Repeat("цель", 4_000)));
        await editor.SubmitButton.ClickAsync();

        await Assertions.Expect(page.Locator("[data-testid=submit-errors]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#idea-goal-error")).ToContainTextAsync("Слишком длинно");
        await Assertions.Expect(page.Locator("#idea-tasks-error")).ToContainTextAsync("Заполните это поле");
        await Assertions.Expect(editor.Summary).ToBeFocusedAsync();
        await Assertions.Expect(editor.Title).ToHaveValueAsync("Только заголовок");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserSession.ScreenshotDirectory, "idea-errors-phone.png"), FullPage = true });
    }

    [Fact]
    public async Task CoverUpload_RefusesARenamedPdf_AndShowsARealImage()
    {
        var (context, page, _) = await SignedInAsync();
        await using var _ = context;
        var editor = new IdeaEditorPage(page);
        await editor.OpenNewAsync();
        await editor.Title.FillAsync("Идея с обложкой");
        await editor.WaitUntilSavedAsync();

        await page.Locator("#idea-cover").SetInputFilesAsync(new FilePayload { Name = "cover.png", MimeType = "image/png", Buffer = Web.CoverImageTests.PdfBytes });
        await Assertions.Expect(page.Locator("[data-testid=cover-error]")).ToHaveTextAsync("Это не изображение JPEG, PNG или WebP.");
        await Assertions.Expect(editor.Title).ToHaveValueAsync("Идея с обложкой");

        await page.Locator("#idea-cover").SetInputFilesAsync(new FilePayload { Name = "real.png", MimeType = "image/png", Buffer = Web.CoverImageTests.TinyPng });
        await Assertions.Expect(page.Locator("img.cover-preview")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=cover-error]")).ToHaveCountAsync(0);
        var loaded = await page.Locator("img.cover-preview").EvaluateAsync<int>("img => img.complete ? img.naturalWidth : -1");
        Assert.Equal(1, loaded);
    }
}
