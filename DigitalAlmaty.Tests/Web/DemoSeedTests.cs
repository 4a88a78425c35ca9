using System.Net;
using DigitalAlmaty.Domain.Submissions;
using DigitalAlmaty.Tests.Support;
using DigitalAlmaty.Web.Data;
using DigitalAlmaty.Web.Features.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DigitalAlmaty.Tests.Web;

public sealed class DemoSeedTests(DemoSeedTests.Fixture fixture) : IClassFixture<DemoSeedTests.Fixture>
{
    public sealed class Fixture() : PortalFactory(new Dictionary<string, string?> { ["Demo:Seed"] = "true" });

    [Fact]
    public async Task DemoSeed_FillsAnEmptyPortal_Once_WithPublishedAndWaitingItems()
    {
        using var scope = fixture.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<DemoSeeder>().RunAsync();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();

        var statuses = await db.Submissions.Select(s => s.Status).ToListAsync();
        Assert.Equal(10, statuses.Count);
        Assert.Contains(SubmissionStatus.Published, statuses);
        Assert.Contains(SubmissionStatus.Submitted, statuses);
        var titles = await db.Submissions.Select(s => s.Title).ToListAsync();
        Assert.Contains(titles, t => t.Contains('ә', StringComparison.Ordinal) || t.Contains('ң', StringComparison.Ordinal));
        Assert.Contains(titles, t => t.StartsWith("Air", StringComparison.Ordinal));
        Assert.True(await db.Events.AllAsync(e => e.StartsAt != null));
    }

    [Fact]
    public async Task APublishedDemoIdea_OpensForAnyone()
    {
        Guid id;
        await using (var db = await fixture.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync())
        {
            id = await db.Ideas.Where(i => i.Status == SubmissionStatus.Published).Select(i => i.Id).FirstAsync();
        }

        using var client = fixture.CreatePortalClient();
        var page = await HtmlPage.GetAsync(client, $"/ideas/{id}");
        Assert.Equal(HttpStatusCode.OK, page.Status);
    }
}
