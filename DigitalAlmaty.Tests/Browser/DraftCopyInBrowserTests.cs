using System.Security.Claims;
using DigitalAlmaty.Domain.Ideas;
using DigitalAlmaty.Tests.Support;
using DigitalAlmaty.Web.Features.Submissions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DigitalAlmaty.Tests.Browser;

/// <summary>
/// The browser's copy of a draft never puts older text over a newer server draft (the newer copy,
/// typed after the last save, is restored: <see cref="EditorSurvivesRestartTests"/>).
/// </summary>
public sealed class DraftCopyInBrowserTests(BrowserSession session) : IClassFixture<BrowserSession>
{
    private const string Password = "Draft-Copy-Pass-2026";

    [Fact]
    public async Task AServerDraftSavedAfterTheBrowsersCopy_Wins_AndTheOldCopyIsDiscarded()
    {
        var email = $"copy-{Guid.NewGuid():N}@example.kz";
        var author = await session.Portal.CreateUserAsync(email, Password, "Сауле Копия");
        await using var context = await session.NewContextAsync();
        var page = await context.NewPageAsync();
        await new LoginPage(page).SignInAsync(email, Password);
        var editor = new IdeaEditorPage(page);
        await editor.OpenNewAsync();
        await editor.Title.FillAsync("Велодорожки на Абая");
        await editor.Goal.FillAsync("Старая цель из этого браузера.");
        await editor.WaitUntilSavedAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/ideas/[0-9a-f-]{36}/edit$"));
        var id = Guid.Parse(page.Url.Split('/')[^2]);
        await page.CloseAsync();

        // Later the author goes on from another device; the server's draft is now newer than this browser's copy.
        int serverRevision;
        using (var scope = session.Portal.Services.CreateScope())
        {
            var service = scope.ServiceProvider.GetRequiredService<SubmissionService>();
            var principal = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, author.Id)], "test"));
            var current = await service.FindOwnAsync<Idea>(principal, id);
            var saved = await service.SaveIdeaAsync(principal, id, current!.Content with { Goal = "Новая цель, написанная с телефона." }, current.Revision);
            Assert.True(saved.Succeeded, saved.ErrorCode);
            serverRevision = saved.Revision;
        }

        var again = await context.NewPageAsync();
        var reopened = new IdeaEditorPage(again);
        await again.GotoAsync($"/ideas/{id}/edit");
        await Assertions.Expect(reopened.SubmitButton).ToBeEnabledAsync();

        await Assertions.Expect(reopened.Goal).ToHaveValueAsync("Новая цель, написанная с телефона.");
        await Assertions.Expect(again.Locator("[data-testid=restored]")).ToHaveCountAsync(0);

        // The old copy is gone. The editor may already keep a new one of what it shows, typed on the
        // server's revision: never the old text, never the old revision.
        var left = await again.EvaluateAsync<string?>($"() => localStorage.getItem('digital-almaty:draft:ideas:{id}')");
        if (left is not null)
        {
            using var copy = System.Text.Json.JsonDocument.Parse(left);
            Assert.Equal(serverRevision, copy.RootElement.GetProperty("revision").GetInt32());
            Assert.DoesNotContain("Старая цель из этого браузера.", left, StringComparison.Ordinal);
        }
    }
}
