using System.Net;
using DigitalAlmaty.Tests.Support;
using DigitalAlmaty.Web.Features.PersonalData;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace DigitalAlmaty.Tests.Web;

/// <summary>
/// The link to one's own data after declining the agreement works once, for ten minutes, whichever
/// node serves it: two portals on one database.
/// </summary>
public sealed class SelfExportLinkTests
{
    private readonly PublicationTests.TestClock _clock = new(DateTimeOffset.UtcNow);

    private sealed class Node(PublicationTests.TestClock clock, string? root = null) : PortalFactory(root: root)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(clock));
        }
    }

    private static async Task<string> LinkAsync(Node node, string userId)
    {
        using var scope = node.Services.CreateScope();
        var token = await scope.ServiceProvider.GetRequiredService<UserDataExport>().KeepForSelfAsync(userId);
        return $"/agreement/my-data/{token}";
    }

    [Fact]
    public async Task TheLink_GivesTheDataOnce_OnWhicheverNode_ThenNoMore()
    {
        await using var first = new Node(_clock);
        var (userId, _) = await first.NewUserAsync("Однажды Скачавший");
        await using var second = new Node(_clock, first.Root);
        var link = await LinkAsync(first, userId);
        using var onFirst = first.CreatePortalClient();
        using var onSecond = second.CreatePortalClient();

        var download = await onSecond.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Contains("Однажды Скачавший", await download.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NotFound, (await onFirst.GetAsync(link)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await onSecond.GetAsync(link)).StatusCode);
    }

    [Fact]
    public async Task TheLink_ExpiresAfterTenMinutes_EvenUnused()
    {
        _clock.Now = DateTimeOffset.UtcNow;
        await using var first = new Node(_clock);
        var (userId, _) = await first.NewUserAsync("Опоздавший");
        var link = await LinkAsync(first, userId);
        _clock.Now += UserDataExport.KeepFor + TimeSpan.FromSeconds(1);

        using var client = first.CreatePortalClient();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(link)).StatusCode);
    }
}
