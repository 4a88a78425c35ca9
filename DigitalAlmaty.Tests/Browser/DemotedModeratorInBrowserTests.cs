using System.Security.Claims;
using DigitalAlmaty.Domain.Accounts;
using DigitalAlmaty.Domain.Submissions;
using DigitalAlmaty.Tests.Support;
using DigitalAlmaty.Web.Data;
using DigitalAlmaty.Web.Features.Admin;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static DigitalAlmaty.Tests.Support.SubmissionSeed;

namespace DigitalAlmaty.Tests.Browser;

/// <summary>
/// A moderator's review panel is open in Chromium when the role goes away. Approve is then refused
/// by the server (it re-reads the role at that moment), nothing changes and nothing is audited; and
/// an administrator's revocation closes the open panel on its own.
/// </summary>
public sealed class DemotedModeratorInBrowserTests(BrowserSession session) : IClassFixture<BrowserSession>
{
    private const string Password = "Moderation-Pass-2026";

    private async Task<(string Id, string Email)> UserAsync(string displayName, params string[] roles)
    {
        var email = $"demoted-{Guid.NewGuid():N}@example.kz";
        var user = await session.Portal.CreateUserAsync(email, Password, displayName, roles);
        return (user.Id, email);
    }

    private async Task<T> DbAsync<T>(Func<PortalDbContext, Task<T>> read)
    {
        await using var db = await session.Portal.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        return await read(db);
    }

    private static async Task<IPage> ReviewPanelAsync(IBrowserContext context, string email, Guid id)
    {
        var page = await context.NewPageAsync();
        await new LoginPage(page).SignInAsync(email, Password);
        await Assertions.Expect(new SiteHeader(page).DisplayName).ToBeVisibleAsync();
        await page.GotoAsync($"/moderation/{id}");
        await Assertions.Expect(page.Locator("[data-testid=approve]")).ToBeEnabledAsync();
        return page;
    }

    [Fact]
    public async Task RoleRemovedWhileThePanelIsOpen_ApproveIsRefused_NothingChanges_NothingIsAudited()
    {
        var (author, _) = await UserAsync("Автор идеи");
        var (moderatorId, moderator) = await UserAsync("Снятый модератор", PortalRoles.Moderator);
        var idea = await new SubmissionSeed(session.Portal).IdeaAsync(author, $"Ждёт решения {Guid.NewGuid():N}"[..26], Submit(author));
        await using var context = await session.NewContextAsync();
        var page = await ReviewPanelAsync(context, moderator, idea.Id);

        // The role row goes away and nothing else happens: the circuit still holds its old copy of the user.
        await DbAsync(async db =>
        {
            var roleId = await db.Roles.Where(r => r.Name == PortalRoles.Moderator).Select(r => r.Id).SingleAsync();
            return await db.UserRoles.Where(r => r.UserId == moderatorId && r.RoleId == roleId).ExecuteDeleteAsync();
        });
        await page.Locator("[data-testid=approve]").ClickAsync();

        await Assertions.Expect(page.Locator("[data-testid=review-error]")).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserSession.ScreenshotDirectory, "demoted-moderator-refused.png") });
        Assert.Equal(SubmissionStatus.Submitted, await DbAsync(db => db.Submissions.Where(s => s.Id == idea.Id).Select(s => s.Status).SingleAsync()));
        Assert.Equal(0, await DbAsync(db => db.AuditLog.CountAsync(a => a.SubjectId == idea.Id.ToString())));
        Assert.Equal(0, await DbAsync(db => db.Notifications.CountAsync(n => n.SubmissionId == idea.Id)));
    }

    [Fact]
    public async Task AnAdministratorRevokesTheRole_TheOpenPanelClosesAtOnce()
    {
        var (author, _) = await UserAsync("Автор идеи");
        var (moderatorId, moderator) = await UserAsync("Модератор до приказа", PortalRoles.Moderator);
        var (adminId, _) = await UserAsync("Администратор", PortalRoles.Admin);
        var idea = await new SubmissionSeed(session.Portal).IdeaAsync(author, $"Ещё ждёт {Guid.NewGuid():N}"[..22], Submit(author));
        await using var context = await session.NewContextAsync();
        var page = await ReviewPanelAsync(context, moderator, idea.Id);

        using (var scope = session.Portal.Services.CreateScope())
        {
            var admin = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, adminId), new Claim(ClaimTypes.Role, PortalRoles.Admin)], "test"));
            var revoked = await scope.ServiceProvider.GetRequiredService<StaffRoleService>().ChangeAsync(admin, moderatorId, PortalRoles.Moderator, grant: false, "Перевод в другой отдел");
            Assert.True(revoked.Succeeded, revoked.ErrorCode);
        }

        // Well inside the one-minute revalidation: the session-ended event reaches the circuit.
        await Assertions.Expect(page.Locator("[data-testid=approve]")).ToHaveCountAsync(0, new() { Timeout = 5_000 });
        Assert.Equal(SubmissionStatus.Submitted, await DbAsync(db => db.Submissions.Where(s => s.Id == idea.Id).Select(s => s.Status).SingleAsync()));
    }
}
