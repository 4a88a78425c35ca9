using DigitalAlmaty.Domain.Ideas;
using DigitalAlmaty.Tests.Domain;
using DigitalAlmaty.Tests.Support;
using DigitalAlmaty.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DigitalAlmaty.Tests.Browser;

/// <summary>/search in Chromium on a phone and a desktop, in Russian and Kazakh; screenshots for review.</summary>
public sealed class SearchInBrowserTests(BrowserSession session) : IClassFixture<BrowserSession>
{
    [Theory]
    [InlineData("ru-RU", "автобусов", 390, 844)]
    [InlineData("ru-RU", "автобусов", 1280, 900)]
    [InlineData("kk-KZ", "автобус", 390, 844)]
    [InlineData("kk-KZ", "автобус", 1280, 900)]
    public async Task SearchPage_ShowsHighlightedResults_FromTheHeaderBox(string culture, string query, int width, int height)
    {
        await SeedAsync();
        await using var context = await session.NewContextAsync(new ViewportSize { Width = width, Height = height });
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/ideas?culture={culture}");

        // The header's GET form: a box on wide screens, a button leading to the search page on phones.
        if (width > 1180)
        {
            await page.FillAsync("#header-search-q", query);
            await page.PressAsync("#header-search-q", "Enter");
        }
        else
        {
            await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserSession.ScreenshotDirectory, $"search-header-{culture}-{width}.png") });
            await page.ClickAsync(".header-search__button");
            await page.FillAsync("#search-q", query);
            await page.PressAsync("#search-q", "Enter");
        }

        await Assertions.Expect(page.Locator(".search-result").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".search-result mark").First).ToBeVisibleAsync();
        var overflow = await page.EvaluateAsync<bool>("document.documentElement.scrollWidth > document.documentElement.clientWidth");
        Assert.False(overflow, "The page scrolls sideways.");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserSession.ScreenshotDirectory, $"search-{culture}-{width}.png"), FullPage = true });
    }

    private bool _seeded;

    private async Task SeedAsync()
    {
        if (_seeded || await AnyAsync())
        {
            return;
        }

        _seeded = true;
        var author = await session.Portal.CreateUserAsync($"search-ui-{Guid.NewGuid():N}@example.kz", "Search-Pass-2026", "Әлия Сейітова");
        var start = DateTimeOffset.UtcNow.AddDays(-2);
        await using var db = await session.Portal.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        foreach (var content in new[]
        {
            SubmissionBuilder.ValidIdea with { Title = "Умные остановки общественного транспорта", Summary = "Табло с точным временем прибытия автобусов на каждой остановке Алматы." },
            SubmissionBuilder.ValidIdea with { Title = "Түнгі автобустар кестесі", Summary = "Түнгі автобустар мен олардың аялдамалары туралы ашық деректер.", Goal = "Жолаушыларға <b>түнде</b> автобусты күту уақытын азайту." },
            SubmissionBuilder.ValidIdea with { Title = "Велодорожки к автобусным станциям", Summary = "Связать велодорожки с конечными остановками автобусов." },
        })
        {
            var idea = Idea.StartDraft(Guid.NewGuid(), author.Id, start);
            idea.Edit(author.Id, content, start);
            idea.Submit(author.Id, start);
            idea.Approve("moderator", start.AddMinutes(1));
            db.Ideas.Add(idea);
        }

        await db.SaveChangesAsync();
    }

    private async Task<bool> AnyAsync()
    {
        await using var db = await session.Portal.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        return await db.Ideas.AnyAsync();
    }
}
