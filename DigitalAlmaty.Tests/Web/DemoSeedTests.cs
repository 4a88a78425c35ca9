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

    [Fact]
    public async Task DemoPublications_AreInThreeLanguages_WithDrawnCoversThatReadersCanOpen()
    {
        using (var scope = fixture.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().RunAsync();
        }

        await using var db = await fixture.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var publications = await db.Publications.AsNoTracking().ToListAsync();
        Assert.Contains(publications, p => p.Kind == DigitalAlmaty.Domain.Publications.PublicationKind.News);
        Assert.Contains(publications, p => p.Kind == DigitalAlmaty.Domain.Publications.PublicationKind.Report);
        Assert.Contains(publications, p => p.Kind == DigitalAlmaty.Domain.Publications.PublicationKind.Project);
        Assert.All(publications, p => Assert.Equal(["en", "kk", "ru"], p.Languages.Order(StringComparer.Ordinal)));
        var withCover = publications.Where(p => p.CoverImageId is not null).ToList();
        Assert.NotEmpty(withCover);

        using var client = fixture.CreatePortalClient();
        var item = withCover[0];
        var path = $"{DigitalAlmaty.Web.Features.Publications.PublicationSections.PathOf(item.Kind)}/{item.Id}";
        var page = await HtmlPage.GetAsync(client, $"/{path}?culture=kk-KZ");
        var cover = page.Document.QuerySelector("img.publication__cover")!;
        Assert.Contains(item.TextIn("kk")!.Title, cover.GetAttribute("alt"), StringComparison.Ordinal);
        var image = await client.GetAsync("/" + cover.GetAttribute("src"));
        Assert.Equal("image/png", image.Content.Headers.ContentType!.MediaType);
        var bytes = await image.Content.ReadAsByteArrayAsync();
        Assert.Equal([0x89, 0x50, 0x4E, 0x47], bytes[..4]);
        Assert.InRange(bytes.Length, 1_000, 200_000);
    }
}
