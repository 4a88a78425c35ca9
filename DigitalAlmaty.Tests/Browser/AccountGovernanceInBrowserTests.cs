using DigitalAlmaty.Domain.Accounts;
using DigitalAlmaty.Tests.Support;
using DigitalAlmaty.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DigitalAlmaty.Tests.Browser;

/// <summary>The inactive-accounts page (4.1.4) and the account security page (4.3.2, 4.3.3) in Chromium: phone and desktop, Russian and Kazakh.</summary>
public sealed class AccountGovernanceInBrowserTests(BrowserSession session) : IClassFixture<BrowserSession>
{
    private static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };
    private static readonly ViewportSize Desktop = new() { Width = 1280, Height = 900 };

    private static async Task<IPage> SignedInAsync(IBrowserContext context, string email)
    {
        var page = await context.NewPageAsync();
        await new LoginPage(page).SignInAsync(email, PortalFactory.UserPassword);
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
    public async Task InactiveAccountsAndSecurityPages_LookRight_AndPreviewChangesNothing()
    {
        var admin = await session.Portal.NewUserAsync("Администратор Аккаунтов", PortalRoles.Admin);
        var idle = await session.Portal.NewUserAsync("Сабина Давно-Не-Заходила");
        var databases = session.Portal.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        await using (var db = await databases.CreateDbContextAsync())
        {
            await db.Users.Where(u => u.Id == idle.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.LastActivityAt, DateTimeOffset.UtcNow.AddMonths(-7)));
        }

        foreach (var (device, viewport) in new[] { ("phone", Phone), ("desktop", Desktop) })
        {
            foreach (var culture in new[] { "ru-RU", "kk-KZ" })
            {
                var lang = culture[..2];
                await using var context = await session.NewContextAsync(viewport);
                var page = await SignedInAsync(context, admin.Email);

                await page.GotoAsync($"/admin/inactive?culture={culture}");
                await Assertions.Expect(page.Locator($"[data-testid=upcoming] tr[data-user='{idle.Id}']")).ToBeVisibleAsync();
                await Assertions.Expect(page.Locator("section[data-interactive=true]")).ToBeVisibleAsync();
                await page.Locator("[data-testid=preview-run]").ClickAsync();
                var result = page.Locator("[data-testid=run-result][data-preview=true]");
                await Assertions.Expect(result).ToBeVisibleAsync();
                await Assertions.Expect(result.Locator("[data-group=final]")).ToContainTextAsync("Сабина Давно-Не-Заходила");
                await ShotAsync(page, $"account-inactive-{device}-{lang}");
                await AssertFitsAsync(page);

                await page.GotoAsync($"/Identity/Account/Manage/Security?culture={culture}");
                await Assertions.Expect(page.Locator("[data-testid=sign-ins] tbody tr").First).ToBeVisibleAsync();
                await Assertions.Expect(page.Locator("[data-testid=sign-in-browser]").First).ToContainTextAsync("Chrome");
                await ShotAsync(page, $"account-security-{device}-{lang}");
                await AssertFitsAsync(page);
            }
        }

        // Preview sent nothing and changed nothing.
        Assert.Empty(session.Portal.Mailbox.To(idle.Email));
        await using var check = await databases.CreateDbContextAsync();
        Assert.Null(await check.Users.Where(u => u.Id == idle.Id).Select(u => u.InactivityFinalWarnedAt).SingleAsync());
    }
}
