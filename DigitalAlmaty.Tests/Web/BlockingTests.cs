using System.Net;
using System.Security.Claims;
using DigitalAlmaty.Domain.Accounts;
using DigitalAlmaty.Domain.Time;
using DigitalAlmaty.Tests.Support;
using DigitalAlmaty.Web.Data;
using DigitalAlmaty.Web.Features.Agreement;
using DigitalAlmaty.Web.Features.Blocking;
using DigitalAlmaty.Web.Features.Submissions;
using DigitalAlmaty.Web.Realtime;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static DigitalAlmaty.Tests.Web.ModerationServiceTests;

namespace DigitalAlmaty.Tests.Web;

/// <summary>Blocking a user (4.1.3, 6.4): at once, everywhere, with the reason shown; unblocking; history and audit.</summary>
public sealed class BlockingTests(BlockingTests.Fixture fixture) : IClassFixture<BlockingTests.Fixture>
{
    /// <summary>Cookies are checked against the security stamp on every request, so a block reaches a signed-in client at once.</summary>
    public sealed class Fixture : PortalFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services =>
                services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.Zero));
        }
    }

    private const string Password = "Blocking-Pass-2026";

    private static readonly DateTimeOffset Until = AlmatyTime.FromLocal(new DateTime(2030, 3, 1, 0, 0, 0, DateTimeKind.Unspecified));

    private async Task<(PortalUser User, ClaimsPrincipal Principal)> UserAsync(string name, params string[] roles)
    {
        var user = await fixture.CreateUserAsync($"{Guid.NewGuid():N}@example.kz", Password, name, roles);
        return (user, Principal(user.Id, roles));
    }

    private async Task<T> WithServiceAsync<TService, T>(Func<TService, Task<T>> use)
        where TService : notnull
    {
        using var scope = fixture.Services.CreateScope();
        return await use(scope.ServiceProvider.GetRequiredService<TService>());
    }

    private async Task<T> WithDbAsync<T>(Func<PortalDbContext, Task<T>> read)
    {
        var databases = fixture.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        await using var db = await databases.CreateDbContextAsync();
        return await read(db);
    }

    private static async Task<HtmlPage> LogInAsync(HttpClient client, string email, string password = Password, string culture = "ru-RU")
    {
        var login = await HtmlPage.GetAsync(client, $"/Identity/Account/Login?culture={culture}");
        return await login.SubmitAsync(client, new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password });
    }

    private async Task<HttpClient> SignedInAsync(string email)
    {
        var client = fixture.CreatePortalClient();
        var home = await LogInAsync(client, email);
        Assert.NotEmpty(home.Redirects);
        return client;
    }

    private Task<SubmissionResult> SaveIdeaAsync(ClaimsPrincipal who) =>
        WithServiceAsync<SubmissionService, SubmissionResult>(s =>
            s.SaveIdeaAsync(who, Guid.NewGuid(), SubmissionSeed.IdeaContent("Идея заблокированного"), null));

    private Task<GovernanceResult> BlockAsync(ClaimsPrincipal admin, string userId, BlockRequest request) =>
        WithServiceAsync<UserBlockService, GovernanceResult>(s => s.BlockAsync(admin, userId, request));

    [Fact]
    public async Task NonAdmins_AreRefused_AndNothingChanges()
    {
        var (target, _) = await UserAsync("Цель");
        var (_, plain) = await UserAsync("Пользователь");
        var (moderatorUser, moderator) = await UserAsync("Модератор", PortalRoles.Moderator);
        var request = new BlockRequest(Until, false, "4.3.5", "Спам");

        foreach (var who in new[] { plain, moderator, new ClaimsPrincipal(new ClaimsIdentity()) })
        {
            Assert.Equal(GovernanceResult.NotAllowed, (await BlockAsync(who, target.Id, request)).ErrorCode);
            Assert.Equal(GovernanceResult.NotAllowed, (await WithServiceAsync<UserBlockService, GovernanceResult>(s => s.UnblockAsync(who, target.Id))).ErrorCode);
            Assert.Empty(await WithServiceAsync<UserBlockService, IReadOnlyList<UserRow>>(s => s.SearchAsync(who, "Цель")));
        }

        var stored = await WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == target.Id));
        Assert.Null(stored.BlockedUntil);
        Assert.Equal(0, await WithDbAsync(db => db.UserBlocks.CountAsync(b => b.UserId == target.Id)));

        using var client = await SignedInAsync(moderatorUser.Email!);
        Assert.NotEqual(HttpStatusCode.OK, (await client.GetAsync("/admin/users")).StatusCode);
    }

    [Fact]
    public async Task Block_TakesEffectAtOnce_EverywhereWithTheReason_AndUnblockRestores()
    {
        var (adminUser, admin) = await UserAsync("Администратор блокировок", PortalRoles.Admin);
        var (user, principal) = await UserAsync("Нарушитель Правил");
        using var signedIn = await SignedInAsync(user.Email!);
        Assert.Equal(HttpStatusCode.OK, (await signedIn.GetAsync("/my")).StatusCode);
        Assert.True((await SaveIdeaAsync(principal)).Succeeded);
        var stampBefore = await WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).Select(u => u.SecurityStamp).SingleAsync());
        var events = new List<UserBlocked>();
        using var subscription = fixture.Services.GetRequiredService<PortalEventFeed>().Subscribe<UserBlocked>(e =>
        {
            lock (events)
            {
                events.Add(e);
            }

            return Task.CompletedTask;
        });

        var blocked = await BlockAsync(admin, user.Id, new BlockRequest(Until, false, "4.3.5", "Реклама в комментариях."));

        Assert.True(blocked.Succeeded, blocked.ErrorCode);
        var stored = await WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == user.Id));
        Assert.Equal(Until, stored.BlockedUntil);
        Assert.NotEqual(stampBefore, stored.SecurityStamp);

        // The signed-in client's cookie fails its next validation.
        var afterBlock = await signedIn.GetAsync("/my");
        Assert.Equal(HttpStatusCode.Redirect, afterBlock.StatusCode);
        Assert.Contains("/Identity/Account/Login", afterBlock.Headers.Location!.OriginalString, StringComparison.Ordinal);

        // Writes are refused on the server, with a localized message.
        var refused = await SaveIdeaAsync(principal);
        Assert.Equal(WriteRefusal.Blocked, refused.ErrorCode);
        var message = await WithServiceAsync<SubmissionMessages, string>(m => Task.FromResult(m.Failure(refused)));
        Assert.Contains("заблокирован", message, StringComparison.Ordinal);

        // Open editors are told at once.
        await WaitUntilAsync(() => { lock (events) { return events.Any(e => e.UserId == user.Id); } });

        // Signing in is refused: the reason, the end date and how to appeal, only with the right password.
        using var fresh = fixture.CreatePortalClient();
        var answer = await LogInAsync(fresh, user.Email!);
        var notice = answer.Document.QuerySelector("[data-testid=blocked]");
        Assert.NotNull(notice);
        Assert.Contains("1 марта 2030", notice.TextContent, StringComparison.Ordinal);
        Assert.Contains("4.3.5", notice.TextContent, StringComparison.Ordinal);
        Assert.Contains("Реклама в комментариях.", notice.TextContent, StringComparison.Ordinal);
        Assert.Equal("/claims/new", notice.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal(HttpStatusCode.Redirect, (await fresh.GetAsync("/my")).StatusCode);
        var kazakh = await LogInAsync(fixture.CreatePortalClient(), user.Email!, culture: "kk-KZ");
        Assert.Contains("бұғатталды", kazakh.Document.QuerySelector("[data-testid=blocked]")!.TextContent, StringComparison.Ordinal);
        var wrongPassword = await LogInAsync(fixture.CreatePortalClient(), user.Email!, "Wrong-Pass-2026");
        Assert.Null(wrongPassword.Document.QuerySelector("[data-testid=blocked]"));
        Assert.DoesNotContain("Реклама в комментариях.", wrongPassword.Text, StringComparison.Ordinal);

        // Unblock restores everything.
        var unblocked = await WithServiceAsync<UserBlockService, GovernanceResult>(s => s.UnblockAsync(admin, user.Id));
        Assert.True(unblocked.Succeeded, unblocked.ErrorCode);
        using var again = await SignedInAsync(user.Email!);
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync("/my")).StatusCode);
        Assert.True((await SaveIdeaAsync(principal)).Succeeded);

        // History and audit are kept.
        var history = Assert.Single(await WithDbAsync(db => db.UserBlocks.AsNoTracking().Where(b => b.UserId == user.Id).ToListAsync()));
        Assert.Equal(adminUser.Id, history.BlockedBy);
        Assert.Equal(Until, history.Until);
        Assert.Equal("4.3.5", history.Clause);
        Assert.NotNull(history.UnblockedAt);
        Assert.Equal(adminUser.Id, history.UnblockedBy);
        var audit = await WithDbAsync(db => db.AuditLog.AsNoTracking().Where(a => a.SubjectId == user.Id).OrderBy(a => a.Id).ToListAsync());
        Assert.Equal(["User.Block", "User.Unblock"], audit.Select(a => a.Action));
        Assert.All(audit, a => Assert.Equal(adminUser.Id, a.ActorId));
        Assert.Contains("Реклама в комментариях.", audit[0].Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PermanentBlock_SaysSo_AndInvalidRequestsAreExplained()
    {
        var (_, admin) = await UserAsync("Администратор", PortalRoles.Admin);
        var (user, _) = await UserAsync("Навсегда");

        var invalid = await BlockAsync(admin, user.Id, new BlockRequest(null, false, "", ""));
        Assert.Equal(GovernanceResult.Invalid, invalid.ErrorCode);
        Assert.Equal(["Clause", "Message", "Until"], invalid.FieldErrors.Keys.Order());
        var past = await BlockAsync(admin, user.Id, new BlockRequest(DateTimeOffset.UtcNow.AddDays(-1), false, "4.3.5", "Спам"));
        Assert.Equal("Validation.DateInPast", past.FieldErrors["Until"]);

        Assert.True((await BlockAsync(admin, user.Id, new BlockRequest(null, true, "4.3.9", "Угрозы."))).Succeeded);
        var stored = await WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == user.Id));
        Assert.Equal(DateTimeOffset.MaxValue, stored.BlockedUntil);

        using var client = fixture.CreatePortalClient();
        var answer = await LogInAsync(client, user.Email!);
        Assert.Contains("бессрочно", answer.Document.QuerySelector("[data-testid=blocked]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AdminUsersPage_FindsUsers_ForAdmins()
    {
        var (admin, _) = await UserAsync("Главный администратор", PortalRoles.Admin);
        await UserAsync("Айгерим Искомая");
        using var client = await SignedInAsync(admin.Email!);

        var page = await HtmlPage.GetAsync(client, "/admin/users");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("Айгерим Искомая", page.Text, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(page.Document.QuerySelector("label[for=users-query]")?.TextContent));
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 50 && !condition(); i++)
        {
            await Task.Delay(100);
        }

        Assert.True(condition());
    }
}
