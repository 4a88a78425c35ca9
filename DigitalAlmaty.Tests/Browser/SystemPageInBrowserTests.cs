using DigitalAlmaty.Domain.Accounts;
using DigitalAlmaty.Tests.Support;
using DigitalAlmaty.Web.Features.Operations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DigitalAlmaty.Tests.Browser;

/// <summary>
/// <c>/admin/system</c> in Chromium on a phone (375 px): its circuit connects, a node that reports in
/// appears without a reload, and the page fits the screen (one card per node, no sideways scroll).
/// </summary>
public sealed class SystemPageInBrowserTests(BrowserSession session) : IClassFixture<BrowserSession>
{
    private const string Password = "System-Pass-2026";

    [Fact]
    public async Task OnAPhone_ANewNodeAppearsWithoutAReload_AndThePageFitsTheScreen()
    {
        var email = $"system-{Guid.NewGuid():N}@example.kz";
        await session.Portal.CreateUserAsync(email, Password, "Администратор Узлов", PortalRoles.Admin);
        await using var context = await session.NewContextAsync(new ViewportSize { Width = 375, Height = 812 });
        var page = await context.NewPageAsync();
        await new LoginPage(page).SignInAsync(email, Password);
        await Assertions.Expect(new SiteHeader(page).DisplayName).ToBeVisibleAsync();

        await page.GotoAsync("/admin/system");
        await Assertions.Expect(page.Locator("section.system-page[data-live=true]")).ToBeAttachedAsync();
        await Assertions.Expect(page.Locator("tr.system-node")).ToHaveCountAsync(1);

        session.Portal.Services.GetRequiredService<NodeRoster>()
            .Apply(NodeBeats.Of("almaty-node-2", DateTimeOffset.UtcNow, TimeSpan.FromSeconds(60), circuits: 12) with { LettersFailing = true });

        await Assertions.Expect(page.Locator("tr.system-node[data-node='almaty-node-2']")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=node-count]")).ToHaveTextAsync("2");
        var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= 375, $"The page is {scrollWidth} px wide on a 375 px screen.");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserSession.ScreenshotDirectory, "admin-system-phone.png"), FullPage = true });

        await page.SetViewportSizeAsync(1280, 900);
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserSession.ScreenshotDirectory, "admin-system-desktop.png"), FullPage = true });
    }
}
