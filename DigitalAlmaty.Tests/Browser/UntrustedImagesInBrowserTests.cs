using System.Collections.Concurrent;
using DigitalAlmaty.Domain.Ideas;
using DigitalAlmaty.Tests.Support;
using DigitalAlmaty.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DigitalAlmaty.Tests.Browser;

/// <summary>A submission's Markdown cannot make the moderator's browser fetch an address its author chose.</summary>
public sealed class UntrustedImagesInBrowserTests(BrowserSession session) : IClassFixture<BrowserSession>
{
    private const string Password = "Tracker-Pass-2026";

    [Fact]
    public async Task ARemoteImageInASubmission_IsALinkInTheReviewPanel_AndIsNeverFetched()
    {
        var author = await session.Portal.CreateUserAsync($"pixel-{Guid.NewGuid():N}@example.kz", Password, "Автор Пикселя");
        var moderatorEmail = $"mod-{Guid.NewGuid():N}@example.kz";
        await session.Portal.CreateUserAsync(moderatorEmail, Password, "Модератор Пикселя", "Moderator");
        var idea = Idea.StartDraft(Guid.NewGuid(), author.Id, DateTimeOffset.UtcNow.AddMinutes(-5));
        idea.Edit(author.Id, SubmissionSeed.IdeaContent("Идея со счётчиком") with
        {
            Goal = "Сократить пробки.\n\n![пиксель](https://tracker.example/p.png)",
        }, DateTimeOffset.UtcNow.AddMinutes(-4));
        idea.Submit(author.Id, DateTimeOffset.UtcNow.AddMinutes(-3));
        await using (var db = await session.Portal.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync())
        {
            db.Ideas.Add(idea);
            await db.SaveChangesAsync();
        }

        await using var context = await session.NewContextAsync();
        var fetched = new ConcurrentBag<string>();
        await context.RouteAsync("**/*", async route =>
        {
            if (new Uri(route.Request.Url).Host == "tracker.example")
            {
                fetched.Add(route.Request.Url);
                await route.AbortAsync();
                return;
            }

            await route.ContinueAsync();
        });
        var page = await context.NewPageAsync();
        await new LoginPage(page).SignInAsync(moderatorEmail, Password);
        await page.GotoAsync($"/moderation/{idea.Id}");
        var review = page.Locator("[data-testid=review]");
        await Assertions.Expect(review).ToContainTextAsync("Сократить пробки.");

        await Assertions.Expect(review.Locator("a[href='https://tracker.example/p.png']")).ToHaveTextAsync("пиксель");
        await Assertions.Expect(review.Locator("img[src*='tracker']")).ToHaveCountAsync(0);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.Empty(fetched);
    }
}
