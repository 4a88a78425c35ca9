using System.Net;
using DigitalAlmaty.Domain.Accounts;
using DigitalAlmaty.Domain.Flags;
using DigitalAlmaty.Domain.Submissions;
using DigitalAlmaty.Tests.Support;
using DigitalAlmaty.Web.Data;
using DigitalAlmaty.Web.Features.Agreement;
using DigitalAlmaty.Web.Features.Blocking;
using DigitalAlmaty.Web.Features.Flags;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static DigitalAlmaty.Tests.Support.SubmissionSeed;
using static DigitalAlmaty.Tests.Web.ModerationServiceTests;

namespace DigitalAlmaty.Tests.Web;

/// <summary>Blocking can hide all of the user's published items in one step: audited, reports resolved, public pages refreshed.</summary>
public sealed class BlockHidesPublishedTests(BlockHidesPublishedTests.Fixture fixture) : IClassFixture<BlockHidesPublishedTests.Fixture>
{
    public sealed class Fixture : PortalFactory
    {
        public SubmissionSeed Seed => new(this);
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

    [Fact]
    public async Task Block_WithHidePublished_HidesEveryPublishedItem_AuditsIt_AndEmptiesThePublicCache()
    {
        var (adminId, adminEmail) = await fixture.NewUserAsync("Администратор Скрытия", PortalRoles.Admin);
        var admin = Principal(adminId, PortalRoles.Admin);
        var (userId, _) = await fixture.NewUserAsync("Нарушитель С Публикациями");
        var idea = await fixture.Seed.IdeaAsync(userId, "Опубликованная идея нарушителя", Submit(userId), Approve());
        var cityEvent = await fixture.Seed.EventAsync(userId, "Опубликованное событие нарушителя", Submit(userId), Approve());
        var draft = await fixture.Seed.IdeaAsync(userId, "Черновик нарушителя");
        var (readerId, _) = await fixture.NewUserAsync("Читатель");
        Assert.True((await WithServiceAsync<FlagService, FlagResult>(s => s.ReportAsync(Principal(readerId), idea.Id, ModerationClauses.Unlawful, "Противоправный текст."))).Succeeded);

        // Anonymous readers have the pages in the output cache.
        using var anonymous = fixture.CreatePortalClient();
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/ideas/{idea.Id}")).StatusCode);
        Assert.Contains("Опубликованная идея нарушителя", (await HtmlPage.GetAsync(anonymous, "/ideas")).Text, StringComparison.Ordinal);

        // The clause must be one moderators cite when items are hidden too.
        var refused = await WithServiceAsync<UserBlockService, GovernanceResult>(s =>
            s.BlockAsync(admin, userId, new BlockRequest(null, true, "4.3.8", "Спам.", HidePublished: true)));
        Assert.Equal("Block.HideNeedsClause", refused.FieldErrors["Clause"]);

        var blocked = await WithServiceAsync<UserBlockService, GovernanceResult>(s =>
            s.BlockAsync(admin, userId, new BlockRequest(null, true, ModerationClauses.Unlawful, "Противоправные публикации.", HidePublished: true)));

        Assert.True(blocked.Succeeded, blocked.ErrorCode);
        Assert.Equal(2, blocked.Number);
        var statuses = await WithDbAsync(db => db.Submissions.AsNoTracking().Where(s => s.AuthorId == userId).ToDictionaryAsync(s => s.Id, s => s.Status));
        Assert.Equal(SubmissionStatus.Hidden, statuses[idea.Id]);
        Assert.Equal(SubmissionStatus.Hidden, statuses[cityEvent.Id]);
        Assert.Equal(SubmissionStatus.Draft, statuses[draft.Id]);

        var hides = await WithDbAsync(db => db.AuditLog.AsNoTracking().Where(a => a.Action == "Submission.Hide" && a.ActorId == adminId).ToListAsync());
        Assert.Equal(2, hides.Count);
        Assert.All(hides, h => Assert.Contains("\"block\":true", h.Details, StringComparison.Ordinal));
        Assert.All(hides, h => Assert.Contains(ModerationClauses.Unlawful, h.Details, StringComparison.Ordinal));
        var history = await WithDbAsync(db => db.Submissions.AsNoTracking().SingleAsync(s => s.Id == idea.Id));
        Assert.Equal("Противоправные публикации.", history.History[^1].Message);
        Assert.Equal(FlagResolution.Hidden, await WithDbAsync(db => db.ContentFlags.Where(f => f.SubmissionId == idea.Id).Select(f => f.Resolution).SingleAsync()));

        // The public cache was emptied: the pages answer as they are now.
        await WaitUntilAsync(async () => (await anonymous.GetAsync($"/ideas/{idea.Id}")).StatusCode == HttpStatusCode.NotFound);
        Assert.DoesNotContain("Опубликованная идея нарушителя", (await HtmlPage.GetAsync(anonymous, "/ideas")).Text, StringComparison.Ordinal);

        // The audit log names the actions in the reader's language, not by their codes.
        using var adminClient = await fixture.SignedInClientAsync(adminEmail);
        var log = await HtmlPage.GetAsync(adminClient, "/admin/audit?culture=ru-RU");
        var actions = log.Document.QuerySelectorAll(".audit-row__action").Select(c => c.TextContent.Trim()).ToList();
        Assert.Contains("Блокировка пользователя", actions);
        Assert.Contains("Скрытие", actions);
        Assert.DoesNotContain("User.Block", actions);
        Assert.Contains("Пользователь", log.Document.QuerySelector("[data-action='User.Block'] .audit-row__subject")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Бессрочно", log.Document.QuerySelector("[data-action='User.Block'] .audit-row__details")!.TextContent, StringComparison.Ordinal);
        var options = log.Document.QuerySelectorAll("#audit-action option").Select(o => o.TextContent.Trim()).ToList();
        Assert.Contains("Снятие блокировки", options);
        Assert.Contains("Публикация соглашения", options);
        Assert.Contains("Жалобы отклонены", options);
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        for (var i = 0; i < 50; i++)
        {
            if (await condition())
            {
                return;
            }

            await Task.Delay(100);
        }

        Assert.True(await condition());
    }
}
