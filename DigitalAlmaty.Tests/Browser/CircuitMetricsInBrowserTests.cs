using DigitalAlmaty.Domain.Accounts;
using DigitalAlmaty.Tests.Support;
using Microsoft.Playwright;

namespace DigitalAlmaty.Tests.Browser;

/// <summary>
/// <c>digitalalmaty_circuits_open</c> counts the circuits of real pages in Chromium by the kind of
/// page, and moves a circuit's count when its page is left.
/// </summary>
public sealed class CircuitMetricsInBrowserTests(BrowserSession session) : IClassFixture<BrowserSession>
{
    private const string Password = "Circuits-Pass-2026";

    private static bool Open(PrometheusText scrape, string kind, double count) =>
        scrape.Value("digitalalmaty_circuits_open", ("page_kind", kind)) == count;

    [Fact]
    public async Task OpenCircuits_AreCounted_ByTheKindOfPage_AndFollowThePage()
    {
        var email = $"circuits-{Guid.NewGuid():N}@example.kz";
        await session.Portal.CreateUserAsync(email, Password, "Модератор Цепей", PortalRoles.Moderator);
        using var scraper = new HttpClient { BaseAddress = session.BaseAddress };
        await using var context = await session.NewContextAsync();
        var page = await context.NewPageAsync();
        await new LoginPage(page).SignInAsync(email, Password);
        await Assertions.Expect(new SiteHeader(page).DisplayName).ToBeVisibleAsync();

        await page.GotoAsync("/moderation");
        await PrometheusText.ScrapeUntilAsync(scraper, s => Open(s, "moderation", 1) && Open(s, "workspace", 0),
            TimeSpan.FromSeconds(30), "one circuit on the moderation queue");

        await page.GotoAsync("/my");
        await PrometheusText.ScrapeUntilAsync(scraper, s => Open(s, "moderation", 0) && Open(s, "workspace", 1),
            TimeSpan.FromSeconds(30), "the circuit moved from the queue to the workspace");

        // Enhanced navigation keeps the circuit: its count follows the page.
        await page.EvaluateAsync("() => Blazor.navigateTo('/moderation')");
        await PrometheusText.ScrapeUntilAsync(scraper, s => Open(s, "moderation", 1) && Open(s, "workspace", 0),
            TimeSpan.FromSeconds(30), "the circuit counted on the queue again after an in-page navigation");
    }
}
