using System.Security.Claims;
using DigitalAlmaty.Domain.Accounts;
using DigitalAlmaty.Domain.Time;
using DigitalAlmaty.Tests.Support;
using DigitalAlmaty.Web.Features.Agreement;
using DigitalAlmaty.Web.Features.Blocking;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DigitalAlmaty.Tests.Browser;

/// <summary>The agreement pages and blocking in Chromium: phone and desktop, Russian and Kazakh, and an open editor that is blocked.</summary>
public sealed class GovernanceInBrowserTests(BrowserSession session) : IClassFixture<BrowserSession>
{
    private const string Password = "Governance-Pass-2026";

    private ClaimsPrincipal? _admin;

    private async Task<ClaimsPrincipal> AdminAsync() => _admin ??= await session.Portal.StaffPrincipalAsync(PortalRoles.Admin);

    private async Task<(string Id, string Email)> UserAsync(string displayName, params string[] roles)
    {
        var email = $"gov-{Guid.NewGuid():N}@example.kz";
        var user = await session.Portal.CreateUserAsync(email, Password, displayName, roles);
        return (user.Id, email);
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

    private async Task<int> PublishAsync(string text, bool notable, string summary)
    {
        using var scope = session.Portal.Services.CreateScope();
        var result = await scope.ServiceProvider.GetRequiredService<AgreementService>()
            .PublishAsync(await AdminAsync(), new AgreementDraft(text, AlmatyTime.Today(DateTimeOffset.UtcNow), summary, notable));
        Assert.True(result.Succeeded, result.ErrorCode);
        return result.Number;
    }

    [Fact]
    public async Task AgreementPages_LookRight_OnPhoneAndDesktop_InRussianAndKazakh()
    {
        var first = await PublishAsync(
            "# Пользовательское соглашение\n\n## 1. Общие положения\n\n1.1. Портал публикует идеи и события после проверки модератором.\n\n1.2. Пользователь отвечает за достоверность сведений.\n",
            notable: false, "Первая редакция.");
        var second = await PublishAsync(
            "# Пользовательское соглашение\n\n## 1. Общие положения\n\n1.1. Портал публикует идеи, события и отчёты после проверки модератором в течение 48 часов.\n\n1.2. Пользователь отвечает за достоверность и актуальность сведений.\n\n1.3. Администрация может ограничить доступ за нарушения.\n",
            notable: true, "Добавлен пункт 1.3 об ограничении доступа; уточнены сроки проверки.");
        var (_, adminEmail) = await UserAsync("Администратор портала", PortalRoles.Admin);
        var (_, userEmail) = await UserAsync("Жанар Пользователь");

        foreach (var (device, viewport) in new[] { ("phone", new ViewportSize { Width = 390, Height = 844 }), ("desktop", new ViewportSize { Width = 1280, Height = 900 }) })
        {
            foreach (var culture in new[] { "ru-RU", "kk-KZ" })
            {
                var lang = culture[..2];
                await using var adminContext = await session.NewContextAsync(viewport);
                var admin = await SignedInAsync(adminContext, adminEmail);
                await admin.GotoAsync($"/admin/agreement?culture={culture}");
                await Assertions.Expect(admin.Locator("#agreement-text")).ToBeVisibleAsync();
                await Assertions.Expect(admin.Locator("label[for=agreement-notable]")).ToBeVisibleAsync();
                await AssertFitsAsync(admin);
                await ShotAsync(admin, $"governance-admin-agreement-{device}-{lang}");

                await admin.GotoAsync($"/agreement/diff?from={first}&to={second}&culture={culture}");
                await Assertions.Expect(admin.Locator("[data-testid=agreement-diff] ins").First).ToBeVisibleAsync();
                await AssertFitsAsync(admin);
                await ShotAsync(admin, $"governance-diff-{device}-{lang}");

                await using var userContext = await session.NewContextAsync(viewport);
                var user = await SignedInAsync(userContext, userEmail);
                await user.GotoAsync($"/agreement/accept?returnUrl=%2Fideas%2Fnew&culture={culture}");
                await Assertions.Expect(user.Locator("[data-testid=accept-form] button")).ToBeVisibleAsync();
                await AssertFitsAsync(user);
                await ShotAsync(user, $"governance-accept-{device}-{lang}");
            }
        }
    }

    [Fact]
    public async Task OpenEditor_TurnsReadOnly_WhenTheAuthorIsBlocked()
    {
        var (userId, email) = await UserAsync("Автор под блокировкой");
        using (var scope = session.Portal.Services.CreateScope())
        {
            // Whatever version the other test published, this author has accepted it.
            await scope.ServiceProvider.GetRequiredService<AgreementService>().AcceptCurrentAsync(userId);
        }

        await using var context = await session.NewContextAsync();
        var page = await SignedInAsync(context, email);
        await page.GotoAsync("/ideas/new");
        await Assertions.Expect(page.Locator("#idea-title")).ToBeVisibleAsync();

        using (var scope = session.Portal.Services.CreateScope())
        {
            var result = await scope.ServiceProvider.GetRequiredService<UserBlockService>().BlockAsync(
                await AdminAsync(), userId, new BlockRequest(DateTimeOffset.UtcNow.AddDays(7), false, "4.3.5", "Массовая рассылка рекламы."));
            Assert.True(result.Succeeded, result.ErrorCode);
        }

        await Assertions.Expect(page.Locator("[data-testid=blocked]")).ToContainTextAsync("Массовая рассылка рекламы.", new() { Timeout = 5000 });
        await Assertions.Expect(page.Locator("#idea-title")).ToHaveCountAsync(0);
        await ShotAsync(page, "governance-editor-blocked");

        // The administrators' list shows the block with its reason and offers to lift it.
        var (_, adminEmail) = await UserAsync("Администратор блокировок", PortalRoles.Admin);
        foreach (var (device, viewport) in new[] { ("phone", new ViewportSize { Width = 390, Height = 844 }), ("desktop", new ViewportSize { Width = 1280, Height = 900 }) })
        {
            await using var adminContext = await session.NewContextAsync(viewport);
            var admin = await SignedInAsync(adminContext, adminEmail);
            await admin.GotoAsync("/admin/users");
            await Assertions.Expect(admin.Locator("section[data-interactive=true]")).ToHaveCountAsync(1);
            await admin.GetByLabel("Имя или e-mail").FillAsync("под блокировкой");
            await admin.Locator("main").GetByRole(AriaRole.Button, new() { Name = "Найти" }).ClickAsync();
            await Assertions.Expect(admin.Locator(".user-list__item")).ToHaveCountAsync(1);
            await Assertions.Expect(admin.Locator("section[data-interactive=true]")).ToHaveCountAsync(1);
            await Assertions.Expect(admin.Locator(".user-list__item")).ToHaveCountAsync(1);
            await Assertions.Expect(admin.Locator(".user-list__blocked")).ToContainTextAsync("Массовая рассылка рекламы.");
            await admin.GetByRole(AriaRole.Button, new() { Name = "История блокировок" }).ClickAsync();
            await Assertions.Expect(admin.Locator(".block-history li")).ToHaveCountAsync(1);
            await AssertFitsAsync(admin);
            await ShotAsync(admin, $"governance-admin-users-{device}");
        }
    }
}
