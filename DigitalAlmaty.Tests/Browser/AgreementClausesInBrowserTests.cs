using DigitalAlmaty.Domain.Accounts;
using DigitalAlmaty.Tests.Components;
using DigitalAlmaty.Tests.Support;
using Microsoft.Playwright;

namespace DigitalAlmaty.Tests.Browser;

/// <summary>
/// Issue #15, item 6 in Chromium: an administrator uploads the 2020 agreement as a .txt file through
/// /admin/agreement, and /agreement/versions/{n}#4.1.4 opens with that clause on the screen.
/// </summary>
public sealed class AgreementClausesInBrowserTests(BrowserSession session) : IClassFixture<BrowserSession>
{
    private const string Password = "Clauses-Pass-2026";

    [Fact]
    public async Task TheUploaded2020Agreement_OpensAtTheClauseInTheAddress()
    {
        var email = $"clauses-{Guid.NewGuid():N}@example.kz";
        await session.Portal.CreateUserAsync(email, Password, "Администратор соглашения", PortalRoles.Admin);
        await using var context = await session.NewContextAsync(new ViewportSize { Width = 390, Height = 844 });
        var page = await context.NewPageAsync();
        await new LoginPage(page).SignInAsync(email, Password);
        await Assertions.Expect(new SiteHeader(page).DisplayName).ToBeVisibleAsync();

        await page.GotoAsync("/admin/agreement");
        await Assertions.Expect(page.Locator("section[data-interactive=true]")).ToBeVisibleAsync();
        await page.Locator("#agreement-file").SetInputFilesAsync(new FilePayload
        {
            Name = "user-agreement-2020-11-30.ru.txt",
            MimeType = "text/plain",
            Buffer = System.Text.Encoding.UTF8.GetBytes(NumberedClausesTests.Agreement2020()),
        });
        await Assertions.Expect(page.Locator("#agreement-text")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("4\\.1\\.4\\."));
        var summary = page.Locator("#agreement-summary");
        await summary.FillAsync("Редакция от 30 ноября 2020 года.");
        await summary.PressAsync("Tab");
        await page.Locator("form.governance-form button[type=submit]").ClickAsync();
        var published = page.Locator("[data-testid=published] a");
        await Assertions.Expect(published).ToBeVisibleAsync();
        var href = await published.GetAttributeAsync("href");

        foreach (var (device, viewport) in new[] { ("phone", new ViewportSize { Width = 390, Height = 844 }), ("desktop", new ViewportSize { Width = 1280, Height = 900 }) })
        {
            await using var readerContext = await session.NewContextAsync(viewport);
            var reader = await readerContext.NewPageAsync();
            await reader.GotoAsync($"/{href}#4.1.4");

            var clause = reader.Locator("[id='4.1.4']");
            await Assertions.Expect(clause).ToBeInViewportAsync();
            await Assertions.Expect(clause).ToHaveJSPropertyAsync("tagName", "P");
            Assert.StartsWith("4.1.4.", (await clause.TextContentAsync())!.Trim(), StringComparison.Ordinal);
            // Not under the sticky header: the clause's first line shows below it.
            var uncovered = await reader.EvaluateAsync<bool>(
                "() => document.getElementById('4.1.4').getBoundingClientRect().top >= document.querySelector('.site-header').getBoundingClientRect().bottom");
            Assert.True(uncovered, $"On the {device}, clause 4.1.4 is under the site header.");
            await Assertions.Expect(reader.Locator(".agreement-page h2[id='4']")).ToHaveTextAsync("4. ПРАВА И ОБЯЗАННОСТИ СТОРОН");
            // The anchor is found the way a script would look for it, through CSS.escape.
            Assert.True(await reader.EvaluateAsync<bool>("() => document.querySelector('#' + CSS.escape('4.1.4')) === document.getElementById('4.1.4')"));
            await reader.ScreenshotAsync(new() { Path = Path.Combine(BrowserSession.ScreenshotDirectory, $"agreement-clause-4.1.4-{device}-ru.png") });
        }
    }
}
