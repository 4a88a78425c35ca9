using System.Security.Claims;
using DigitalAlmaty.Domain.Accounts;
using DigitalAlmaty.Domain.Publications;
using DigitalAlmaty.Tests.Support;
using DigitalAlmaty.Web.Data;
using DigitalAlmaty.Web.Features.Admin;
using DigitalAlmaty.Web.Features.Agreement;
using DigitalAlmaty.Web.Features.Blocking;
using DigitalAlmaty.Web.Features.Moderation;
using DigitalAlmaty.Web.Features.Publications;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static DigitalAlmaty.Tests.Support.SubmissionSeed;

namespace DigitalAlmaty.Tests.Web;

/// <summary>
/// Staff are appointed and removed by administrators (audited, told, effective at once), and every
/// privileged action re-reads the acting user's roles and block state from the database: a principal
/// that still says "Moderator" after the role was removed is refused.
/// </summary>
public sealed class StaffRoleTests(StaffRoleTests.Fixture fixture) : IClassFixture<StaffRoleTests.Fixture>
{
    public sealed class Fixture : PortalFactory
    {
        public SubmissionSeed Seed => new(this);
    }

    private static ClaimsPrincipal Principal(string userId, params string[] roles) => ModerationServiceTests.Principal(userId, roles);

    private async Task<T> WithAsync<TService, T>(Func<TService, Task<T>> act)
        where TService : notnull
    {
        using var scope = fixture.Services.CreateScope();
        return await act(scope.ServiceProvider.GetRequiredService<TService>());
    }

    private async Task<T> DbAsync<T>(Func<PortalDbContext, Task<T>> read)
    {
        await using var db = await fixture.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        return await read(db);
    }

    private async Task<(bool InRole, string Stamp)> StateAsync(string userId, string role)
    {
        using var scope = fixture.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = (await users.FindByIdAsync(userId))!;
        return (await users.IsInRoleAsync(user, role), user.SecurityStamp!);
    }

    private Task<GovernanceResult> ChangeAsync(ClaimsPrincipal admin, string userId, string role, bool grant, string? reason = "Приказ № 12 от 7 декабря") =>
        WithAsync<StaffRoleService, GovernanceResult>(s => s.ChangeAsync(admin, userId, role, grant, reason));

    [Fact]
    public async Task Admin_GrantsModerator_WithAReason_Audited_Notified_AndTheStampRotated()
    {
        var (adminId, _) = await fixture.NewUserAsync("Администратор", PortalRoles.Admin);
        var (userId, email) = await fixture.NewUserAsync("Будущий модератор");
        var before = await StateAsync(userId, PortalRoles.Moderator);

        var result = await ChangeAsync(Principal(adminId, PortalRoles.Admin), userId, PortalRoles.Moderator, grant: true);

        Assert.True(result.Succeeded);
        var after = await StateAsync(userId, PortalRoles.Moderator);
        Assert.True(after.InRole);
        Assert.NotEqual(before.Stamp, after.Stamp);
        var audit = await DbAsync(db => db.AuditLog.AsNoTracking().SingleAsync(a => a.SubjectId == userId));
        Assert.Equal((StaffRoleService.Granted, adminId, "Moderator"), (audit.Action, audit.ActorId, audit.After));
        Assert.Contains("Приказ № 12", audit.Details, StringComparison.Ordinal);
        var bell = await DbAsync(db => db.Notifications.AsNoTracking().SingleAsync(n => n.UserId == userId));
        Assert.Equal("Staff.Granted.Moderator", bell.Topic);
        var letter = await fixture.Mailbox.WaitForAsync(email);
        Assert.Contains("модератора", letter.TextBody, StringComparison.Ordinal);
        Assert.Contains("/moderation", Mailbox.FirstLink(letter).AbsolutePath, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refusals_NoReason_OwnAdminRole_LastAdmin_AndNonAdmins_ChangeNothing()
    {
        var (adminId, _) = await fixture.NewUserAsync("Единственный?", PortalRoles.Admin);
        var (moderatorId, _) = await fixture.NewUserAsync("Модератор", PortalRoles.Moderator);
        var (userId, _) = await fixture.NewUserAsync("Пользователь");
        var admin = Principal(adminId, PortalRoles.Admin);

        Assert.Equal("Validation.Required", (await ChangeAsync(admin, userId, PortalRoles.Editor, true, "  ")).FieldErrors["Reason"]);
        Assert.Equal(StaffRoleService.NotYourOwnAdmin, (await ChangeAsync(admin, adminId, PortalRoles.Admin, false)).ErrorCode);
        // A moderator (even one whose principal claims Admin) cannot appoint anyone.
        Assert.Equal(GovernanceResult.NotAllowed, (await ChangeAsync(Principal(moderatorId, PortalRoles.Moderator, PortalRoles.Admin), userId, PortalRoles.Editor, true)).ErrorCode);
        Assert.Equal(GovernanceResult.NotAllowed, (await ChangeAsync(new ClaimsPrincipal(new ClaimsIdentity()), userId, PortalRoles.Editor, true)).ErrorCode);
        Assert.False((await StateAsync(userId, PortalRoles.Editor)).InRole);
        Assert.Equal(0, await DbAsync(db => db.AuditLog.CountAsync(a => a.SubjectId == userId)));

        // The last administrator (through the operator's path, which has no "own role") stays.
        var admins = await WithAsync<UserManager<PortalUser>, IList<PortalUser>>(u => u.GetUsersInRoleAsync(PortalRoles.Admin));
        foreach (var other in admins.Where(a => a.Id != adminId))
        {
            Assert.True((await WithAsync<StaffRoleService, GovernanceResult>(s => s.ApplyAsync(null, other.Id, PortalRoles.Admin, false, "уход"))).Succeeded);
        }

        Assert.Equal(StaffRoleService.LastAdmin, (await WithAsync<StaffRoleService, GovernanceResult>(s => s.ApplyAsync(null, adminId, PortalRoles.Admin, false, "уход"))).ErrorCode);
        Assert.True((await StateAsync(adminId, PortalRoles.Admin)).InRole);
        // Put the bootstrap administrator back for the other tests of this fixture.
        foreach (var other in admins.Where(a => a.Id != adminId))
        {
            await WithAsync<StaffRoleService, GovernanceResult>(s => s.ApplyAsync(null, other.Id, PortalRoles.Admin, true, "возврат"));
        }
    }

    [Fact]
    public async Task ARevokedModerator_WhosePrincipalStillSaysModerator_IsRefused_AndNothingIsAudited()
    {
        var (adminId, _) = await fixture.NewUserAsync("Администратор", PortalRoles.Admin);
        var (moderatorId, _) = await fixture.NewUserAsync("Бывший модератор", PortalRoles.Moderator);
        var (authorId, _) = await fixture.NewUserAsync("Автор");
        var idea = await fixture.Seed.IdeaAsync(authorId, "Идея ждёт решения", Submit(authorId));
        var staleModerator = Principal(moderatorId, PortalRoles.Moderator);

        Assert.True((await ChangeAsync(Principal(adminId, PortalRoles.Admin), moderatorId, PortalRoles.Moderator, grant: false)).Succeeded);
        var decided = await WithAsync<ModerationService, ModerationResult>(s => s.DecideAsync(staleModerator, idea.Id, idea.Revision, ModerationDecision.Approve()));

        Assert.False(decided.Succeeded);
        Assert.Equal(ModerationResult.NotAllowed, decided.ErrorCode);
        Assert.Equal(DigitalAlmaty.Domain.Submissions.SubmissionStatus.Submitted, await DbAsync(db => db.Submissions.Where(s => s.Id == idea.Id).Select(s => s.Status).SingleAsync()));
        Assert.Equal(0, await DbAsync(db => db.AuditLog.CountAsync(a => a.SubjectId == idea.Id.ToString())));
    }

    [Fact]
    public async Task ADemotedEditor_AndADemotedAdmin_AreRefused_AtTheMomentTheyAct()
    {
        var (editorId, _) = await fixture.NewUserAsync("Редактор", PortalRoles.Editor);
        var (adminId, _) = await fixture.NewUserAsync("Второй администратор", PortalRoles.Admin);
        var (userId, _) = await fixture.NewUserAsync("Пользователь");
        var (bossId, _) = await fixture.NewUserAsync("Главный", PortalRoles.Admin);
        var editor = Principal(editorId, PortalRoles.Editor);
        var admin = Principal(adminId, PortalRoles.Admin);
        var boss = Principal(bossId, PortalRoles.Admin);
        Assert.True((await ChangeAsync(boss, editorId, PortalRoles.Editor, false)).Succeeded);
        Assert.True((await ChangeAsync(boss, adminId, PortalRoles.Admin, false)).Succeeded);

        var texts = new[] { new PublicationContent("ru-RU", "Новость", "Коротко", "Текст новости") };
        var saved = await WithAsync<PublicationService, PublicationResult>(s => s.SaveAsync(editor, null, PublicationKind.News, texts, null, []));
        Assert.Equal(PublicationResult.Forbidden, saved.ErrorCode);

        var blocked = await WithAsync<UserBlockService, GovernanceResult>(s => s.BlockAsync(admin, userId, new BlockRequest(null, true, "4.3.5", "нарушение")));
        Assert.Equal(GovernanceResult.NotAllowed, blocked.ErrorCode);
        Assert.Equal(0, await DbAsync(db => db.UserBlocks.CountAsync(b => b.UserId == userId)));

        // A blocked administrator is refused too, though the role is still there.
        Assert.True((await WithAsync<UserBlockService, GovernanceResult>(s => s.BlockAsync(boss, adminId, new BlockRequest(null, true, "4.3.5", "нарушение")))).Succeeded);
        Assert.True((await ChangeAsync(boss, adminId, PortalRoles.Admin, true)).Succeeded);
        Assert.Equal(GovernanceResult.NotAllowed, (await ChangeAsync(Principal(adminId, PortalRoles.Admin), userId, PortalRoles.Editor, true)).ErrorCode);
    }

    [Fact]
    public async Task OperatorCommandLine_GrantsAndRevokes_AndLists()
    {
        var (userId, email) = await fixture.NewUserAsync("Назначаемый оператором");
        using var output = new StringWriter();

        Assert.Equal(0, await RolesCommand.RunAsync(fixture.Services, ["roles", "grant", email, "moderator", "первый", "модератор"], output));
        Assert.True((await StateAsync(userId, PortalRoles.Moderator)).InRole);
        Assert.Equal(0, await RolesCommand.RunAsync(fixture.Services, ["roles", "list"], output));
        Assert.Contains($"Moderator\t{email}", output.ToString(), StringComparison.Ordinal);
        Assert.Equal(1, await RolesCommand.RunAsync(fixture.Services, ["roles", "grant", "nobody@example.kz", "Editor", "x"], output));
        Assert.Equal(2, await RolesCommand.RunAsync(fixture.Services, ["roles", "grant", email, "Editor"], output));
        Assert.Equal(0, await RolesCommand.RunAsync(fixture.Services, ["roles", "revoke", email, "Moderator", "перевод"], output));
        Assert.False((await StateAsync(userId, PortalRoles.Moderator)).InRole);
        var audit = await DbAsync(db => db.AuditLog.AsNoTracking().Where(a => a.SubjectId == userId).Select(a => a.ActorId).ToListAsync());
        Assert.Equal(["operator", "operator"], audit);
    }
}
