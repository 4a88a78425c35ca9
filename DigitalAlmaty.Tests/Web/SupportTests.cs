using System.Security.Claims;
using DigitalAlmaty.Domain.Participation;
using DigitalAlmaty.Tests.Support;
using DigitalAlmaty.Web.Data;
using DigitalAlmaty.Web.Features.Catalog;
using DigitalAlmaty.Web.Features.Participation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static DigitalAlmaty.Tests.Support.SubmissionSeed;

namespace DigitalAlmaty.Tests.Web;

/// <summary>
/// Supports of ideas, on each database (<see cref="SqliteSupportTests"/>, <see cref="PostgresSupportTests"/>):
/// counted once per participant, exactly under concurrency, refused to those who may not, and the
/// "most supported" list walks every idea once.
/// </summary>
public abstract class SupportTests(PortalFactory fixture)
{
    private static ClaimsPrincipal Principal(string id) => new(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, id)], "test"));

    private async Task<SupportOutcome> SupportAsync(string userId, Guid ideaId, bool withdraw = false)
    {
        using var scope = fixture.Services.CreateScope();
        var supports = scope.ServiceProvider.GetRequiredService<SupportService>();
        return withdraw ? await supports.WithdrawAsync(Principal(userId), ideaId) : await supports.SupportAsync(Principal(userId), ideaId);
    }

    private async Task<(int Count, int Rows)> StoredAsync(Guid ideaId)
    {
        await using var db = await fixture.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        return (await db.Ideas.Where(i => i.Id == ideaId).Select(i => i.SupportCount).SingleAsync(), await db.IdeaSupports.CountAsync(s => s.IdeaId == ideaId));
    }

    private async Task<Guid> PublishedIdeaAsync(string title)
    {
        var (author, _) = await fixture.NewUserAsync("Автор");
        return (await new SubmissionSeed(fixture).IdeaAsync(author, title, Submit(author), Approve())).Id;
    }

    [Fact]
    public async Task ASupport_CountsOnce_AndAWithdrawalTakesItBack()
    {
        var idea = await PublishedIdeaAsync("Идея для одной поддержки");
        var (reader, _) = await fixture.NewUserAsync("Житель");

        Assert.Equal((true, 1, true), Shape(await SupportAsync(reader, idea)));
        Assert.Equal((true, 1, true), Shape(await SupportAsync(reader, idea)));
        Assert.Equal((1, 1), await StoredAsync(idea));

        Assert.Equal((true, 0, false), Shape(await SupportAsync(reader, idea, withdraw: true)));
        Assert.Equal((true, 0, false), Shape(await SupportAsync(reader, idea, withdraw: true)));
        Assert.Equal((0, 0), await StoredAsync(idea));
    }

    private static (bool, int, bool) Shape(SupportOutcome outcome) => (outcome.Succeeded, outcome.Count, outcome.Supports);

    [Fact]
    public async Task ManySupportsAtOnce_EachDoubleClicked_AreCountedExactly()
    {
        var idea = await PublishedIdeaAsync("Идея под нагрузкой");
        var readers = new List<string>();
        for (var i = 0; i < 30; i++)
        {
            readers.Add((await fixture.NewUserAsync($"Житель {i}")).Id);
        }

        using var start = new ManualResetEventSlim(false);
        var clicks = readers.Concat(readers).Select(reader => Task.Run(async () =>
        {
            start.Wait();
            return await SupportAsync(reader, idea);
        })).ToList();
        start.Set();
        var outcomes = await Task.WhenAll(clicks).WaitAsync(TimeSpan.FromMinutes(2));

        Assert.All(outcomes, o => Assert.True(o.Succeeded, o.ErrorCode));
        Assert.Equal((30, 30), await StoredAsync(idea));

        // Half of them change their mind at the same moment, each twice.
        var leaving = readers.Take(15).ToList();
        var withdrawals = leaving.Concat(leaving).Select(reader => Task.Run(() => SupportAsync(reader, idea, withdraw: true))).ToList();
        await Task.WhenAll(withdrawals).WaitAsync(TimeSpan.FromMinutes(2));
        Assert.Equal((15, 15), await StoredAsync(idea));
    }

    [Fact]
    public async Task TheAuthor_AnUnconfirmedReader_ABlockedReader_AndAnUnpublishedIdea_AreRefused()
    {
        var (author, _) = await fixture.NewUserAsync("Автор");
        var seed = new SubmissionSeed(fixture);
        var idea = (await seed.IdeaAsync(author, "Идея, которую не всем можно поддержать", Submit(author), Approve())).Id;
        var draft = (await seed.IdeaAsync(author, "Черновик")).Id;
        var (unconfirmed, _) = await fixture.NewUserAsync("Без подтверждения");
        var (blocked, _) = await fixture.NewUserAsync("Заблокированный");
        await using (var db = await fixture.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync())
        {
            await db.Users.Where(u => u.Id == unconfirmed).ExecuteUpdateAsync(set => set.SetProperty(u => u.EmailConfirmed, false));
            await db.Users.Where(u => u.Id == blocked).ExecuteUpdateAsync(set => set.SetProperty(u => u.BlockedUntil, DateTimeOffset.UtcNow.AddDays(3)));
        }

        var (reader, _) = await fixture.NewUserAsync("Житель");
        Assert.Equal(SupportRules.OwnIdea, (await SupportAsync(author, idea)).ErrorCode);
        Assert.Equal(SupportRules.EmailNotConfirmed, (await SupportAsync(unconfirmed, idea)).ErrorCode);
        Assert.Equal(SupportOutcome.Refused, (await SupportAsync(blocked, idea)).ErrorCode);
        Assert.Equal(SupportRules.NotPublished, (await SupportAsync(reader, draft)).ErrorCode);
        using (var scope = fixture.Services.CreateScope())
        {
            Assert.Equal(SupportOutcome.SignInRequired, (await scope.ServiceProvider.GetRequiredService<SupportService>().SupportAsync(new ClaimsPrincipal(), idea)).ErrorCode);
        }

        Assert.Equal((0, 0), await StoredAsync(idea));
    }

    [Fact]
    public async Task TheMostSupportedList_IsOrderedByCount_AndItsCursorWalksEveryIdeaOnce()
    {
        var mine = new List<Guid>();
        for (var i = 0; i < 12; i++)
        {
            mine.Add(await PublishedIdeaAsync($"Идея для сортировки {i}"));
        }

        // Counts with ties (0, 1, 2, 0, 1, 2, …): ties are broken by publication, then by id.
        await using (var db = await fixture.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync())
        {
            for (var i = 0; i < mine.Count; i++)
            {
                var id = mine[i];
                await db.Ideas.Where(x => x.Id == id).ExecuteUpdateAsync(set => set.SetProperty(x => x.SupportCount, 100 + (i % 3)));
            }
        }

        var seen = new List<IdeaCard>();
        string? cursor = null;
        do
        {
            using var scope = fixture.Services.CreateScope();
            var page = await scope.ServiceProvider.GetRequiredService<PublicCatalog>().IdeasAsync(null, IdeaSort.Support, cursor, pageSize: 5);
            seen.AddRange(page.Items);
            cursor = page.NextCursor;
        }
        while (cursor is not null);

        Assert.Equal(seen.Count, seen.Select(c => c.Id).Distinct().Count());
        Assert.Equal(mine.Order(), seen.Select(c => c.Id).Where(mine.Contains).Order());
        Assert.True(seen.Zip(seen.Skip(1)).All(p => p.First.SupportCount > p.Second.SupportCount
            || (p.First.SupportCount == p.Second.SupportCount && p.First.PublishedAt >= p.Second.PublishedAt)));
        Assert.Equal(102, seen[0].SupportCount);
    }
}
