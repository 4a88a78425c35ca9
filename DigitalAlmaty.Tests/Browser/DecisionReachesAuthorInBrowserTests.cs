using DigitalAlmaty.Tests.Support;
using Microsoft.Playwright;

namespace DigitalAlmaty.Tests.Browser;

/// <summary>
/// The whole loop in two browsers: an author submits an idea in the editor; the moderator's open
/// queue shows it without reload; the moderator approves; the author's open /my shows it published
/// and the bell lights up, also without reload.
/// </summary>
public sealed class DecisionReachesAuthorInBrowserTests(BrowserSession session) : IClassFixture<BrowserSession>
{
    private const string Password = "Loop-Pass-2026";

    private async Task<IPage> SignedInAsync(IBrowserContext context, string email, string displayName, params string[] roles)
    {
        await session.Portal.CreateUserAsync(email, Password, displayName, roles);
        var page = await context.NewPageAsync();
        await new LoginPage(page).SignInAsync(email, Password);
        await Assertions.Expect(new SiteHeader(page).DisplayName).ToHaveTextAsync(displayName);
        return page;
    }

    [Fact]
    public async Task AuthorSubmits_ModeratorApprovesLive_AuthorSeesPublishedAndTheBell_WithoutReload()
    {
        await using var authorContext = await session.NewContextAsync();
        await using var moderatorContext = await session.NewContextAsync();
        var authorEmail = $"loop-author-{Guid.NewGuid():N}@example.kz";
        var author = await SignedInAsync(authorContext, authorEmail, "Сәуле Автор");
        var moderator = await SignedInAsync(moderatorContext, $"loop-moderator-{Guid.NewGuid():N}@example.kz", "Марат Модератор", "Moderator");
        var title = $"Велодорожки {Guid.NewGuid():N}"[..22];

        await moderator.GotoAsync("/moderation");
        await Assertions.Expect(moderator.Locator(".moderation[data-interactive=true]")).ToHaveCountAsync(1);

        // The author writes and submits in the real editor.
        var editor = new IdeaEditorPage(author);
        await editor.OpenNewAsync();
        await editor.Title.FillAsync(title);
        await editor.Summary.FillAsync("Сеть безопасных велодорожек от окраин к центру.");
        await editor.Category.SelectOptionAsync("transport");
        await editor.Goal.FillAsync("Дать жителям безопасный путь на работу на велосипеде.");
        await editor.Tasks.FillAsync("Разметить 40 км дорожек и поставить парковки.");
        await editor.Benefit.FillAsync("Меньше машин в центре и чище воздух.");
        await editor.Prior.FillAsync("Так сделали в Копенгагене и Алматы на Назарбаева.");
        await editor.SubmitButton.ClickAsync();
        await Assertions.Expect(author.Locator("[data-testid=submitted]")).ToBeVisibleAsync();

        // The author keeps their workspace open.
        await author.GotoAsync("/my");
        var item = author.Locator("li.my-item", new() { HasTextString = title });
        await Assertions.Expect(item).ToHaveAttributeAsync("data-status", "Submitted");
        await Assertions.Expect(author.Locator("[data-testid=bell]").First).ToHaveAttributeAsync("data-unread", "0");
        await author.EvaluateAsync("() => window.__sameDocument = true");

        // The moderator's queue shows the idea without reload and approves it.
        var row = moderator.Locator("[data-testid=queue-row]", new() { HasTextString = title });
        await Assertions.Expect(row).ToBeVisibleAsync();
        await row.Locator("button.queue-row__title").ClickAsync();
        await moderator.Locator("[data-testid=approve]").ClickAsync();
        await Assertions.Expect(moderator.Locator("[data-testid=review-result]")).ToHaveTextAsync("Одобрено и опубликовано.");

        // The author's open page changes by itself.
        await Assertions.Expect(item).ToHaveAttributeAsync("data-status", "Published");
        await Assertions.Expect(item).ToContainTextAsync("Опубликовано");
        await Assertions.Expect(author.Locator("[data-testid=bell]").First).ToHaveAttributeAsync("data-unread", "1");
        await Assertions.Expect(author.Locator("[data-testid=bell-count]")).ToHaveTextAsync("1");
        Assert.True(await author.EvaluateAsync<bool>("() => window.__sameDocument === true"), "The author's page was reloaded.");

        // And an e-mail in the author's language, with a link back to the item.
        var letter = await session.Portal.Mailbox.WaitForAsync(authorEmail);
        Assert.Contains(title, letter.Subject, StringComparison.Ordinal);
        Assert.Contains("/my/", letter.TextBody, StringComparison.Ordinal);
    }
}
