using System.Net;
using System.Net.Sockets;
using System.Security.Claims;
using DigitalAlmaty.Domain.Accounts;
using DigitalAlmaty.Tests.Support;
using DigitalAlmaty.Web.Features.Moderation;
using DigitalAlmaty.Web.Features.Submissions;
using DigitalAlmaty.Web.Realtime;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DigitalAlmaty.Tests.Browser;

/// <summary>
/// Two nodes share a database and a Redis; a moderator's live queue is open on node B while authors
/// submit on node A. Redis is stopped and started again in the middle: the queue never reloads, the
/// item submitted during the outage appears once the nodes resynchronise, and later ones arrive live.
/// </summary>
public sealed class RedisOutageInBrowserTests : IAsyncLifetime
{
    private const string Password = "Redis-Outage-2026";
    private IPlaywright _playwright = default!;
    private IBrowser _browser = default!;

    public async Task InitializeAsync()
    {
        Assertions.SetDefaultExpectTimeout(15_000);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(BrowserSession.LaunchOptions());
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task SubmitOnAsync(PortalFactory node, string authorId, Guid id)
    {
        using var scope = node.Services.CreateScope();
        var author = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, authorId)], "test"));
        var result = await scope.ServiceProvider.GetRequiredService<SubmissionService>().SubmitAsync(author, id);
        Assert.True(result.Succeeded, result.ErrorCode);
    }

    private static async Task<string> WaitingOnAsync(PortalFactory node)
    {
        using var scope = node.Services.CreateScope();
        var queue = scope.ServiceProvider.GetRequiredService<ModerationQueue>();
        return (await queue.CountAsync() + await queue.FlaggedCountAsync()).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task DecideOnAsync(PortalFactory node, DigitalAlmaty.Domain.Submissions.Submission submission)
    {
        var decider = await node.StaffPrincipalAsync(PortalRoles.Moderator);
        using var scope = node.Services.CreateScope();
        var result = await scope.ServiceProvider.GetRequiredService<ModerationService>()
            .DecideAsync(decider, submission.Id, submission.Revision, ModerationDecision.Approve("Публикуем"));
        Assert.True(result.Succeeded, result.ErrorCode);
    }

    [Fact]
    public async Task RedisRestartedDuringLiveModeration_TheQueueOnTheOtherNodeCatchesUp_WithoutReload()
    {
        var port = FreePort();
        var redis = await PrivateRedis.StartAsync(port);
        try
        {
            var settings = new Dictionary<string, string?>
            {
                ["Realtime:Redis"] = $"127.0.0.1:{port}",
                ["Realtime:RedisChannel"] = $"digital-almaty:test:{Guid.NewGuid():N}",
            };
            await using var nodeA = new PortalFactory(settings) { KeepRoot = true };
            await using var nodeB = new PortalFactory(settings, root: nodeA.Root) { KeepRoot = false };
            nodeA.StartKestrel();
            var addressB = nodeB.StartKestrel();
            var relayA = nodeA.Services.GetRequiredService<RedisEventRelay>();
            var relayB = nodeB.Services.GetRequiredService<RedisEventRelay>();
            await relayA.Subscribed.WaitAsync(TimeSpan.FromSeconds(15));
            await relayB.Subscribed.WaitAsync(TimeSpan.FromSeconds(15));

            var moderator = $"outage-{Guid.NewGuid():N}@example.kz";
            var moderatorId = (await nodeA.CreateUserAsync(moderator, Password, "Модератор узла Б", "Moderator")).Id;
            var author = (await nodeA.NewUserAsync("Автор узла А")).Id;
            var seed = new SubmissionSeed(nodeA);
            var before = await seed.IdeaAsync(author, "До сбоя Redis");
            var during = await seed.IdeaAsync(author, "Во время сбоя Redis");
            var after = await seed.IdeaAsync(author, "После сбоя Redis");
            var alsoDuring = await seed.IdeaAsync(author, "Тоже во время сбоя");
            // The moderator's own idea, decided on node A during the outage: a bell notification for them.
            var moderatorsOwn = await seed.IdeaAsync(moderatorId, "Идея самого модератора", (idea, at) => idea.Submit(moderatorId, at));

            await using var context = await _browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = addressB.ToString(), Locale = "ru-RU" });
            var queue = await context.NewPageAsync();
            await new LoginPage(queue).SignInAsync(moderator, Password);
            await Assertions.Expect(new SiteHeader(queue).DisplayName).ToBeVisibleAsync();
            await queue.GotoAsync("/moderation");
            await Assertions.Expect(queue.Locator(".moderation[data-interactive=true]")).ToHaveCountAsync(1);
            await queue.EvaluateAsync("() => window.__sameDocument = true");
            ILocator Row(Guid id) => queue.Locator($"[data-testid=queue-row][data-id='{id}']");

            await SubmitOnAsync(nodeA, author, before.Id);
            await Assertions.Expect(Row(before.Id)).ToBeVisibleAsync(new() { Timeout = 5_000 });

            // A second page on node B where the header's badge and bell follow the feed on their own.
            var home = await context.NewPageAsync();
            await home.GotoAsync("/");
            await Assertions.Expect(home.Locator(".bell[data-interactive=true]")).ToHaveCountAsync(1);
            var badgeCount = home.Locator("[data-testid=moderation-count]");
            await Assertions.Expect(badgeCount).ToHaveTextAsync(await WaitingOnAsync(nodeA));
            await Assertions.Expect(home.Locator("[data-testid=bell-count]")).ToHaveCountAsync(0);
            await home.EvaluateAsync("() => window.__sameDocument = true");

            await redis.DisposeAsync();
            var gone = System.Diagnostics.Stopwatch.StartNew();
            while (relayA.Connection!.IsConnected || relayB.Connection!.IsConnected)
            {
                Assert.True(gone.Elapsed < TimeSpan.FromSeconds(10), "The nodes did not notice that Redis was gone.");
                await Task.Delay(100);
            }

            await SubmitOnAsync(nodeA, author, during.Id);
            await SubmitOnAsync(nodeA, author, alsoDuring.Id);
            await DecideOnAsync(nodeA, moderatorsOwn);
            var waitingAfterOutage = await WaitingOnAsync(nodeA);
            redis = await PrivateRedis.StartAsync(port);

            // Once the nodes are back on Redis, node B re-reads its open queues from the database.
            await Assertions.Expect(Row(during.Id)).ToBeVisibleAsync(new() { Timeout = 30_000 });

            // The header on the other page caught up too (before any later change could recount it):
            // the count from the outage and the bell's notification.
            await Assertions.Expect(badgeCount).ToHaveTextAsync(waitingAfterOutage, new() { Timeout = 10_000 });
            await Assertions.Expect(home.Locator("[data-testid=bell-count]")).ToHaveTextAsync("1", new() { Timeout = 10_000 });
            // Node A may come back to Redis a little after node B; what it publishes before that is the outage's.
            var back = System.Diagnostics.Stopwatch.StartNew();
            while (!relayA.Connection!.IsConnected)
            {
                Assert.True(back.Elapsed < TimeSpan.FromSeconds(30), "Node A did not reconnect to Redis.");
                await Task.Delay(100);
            }

            await SubmitOnAsync(nodeA, author, after.Id);
            await Assertions.Expect(Row(after.Id)).ToBeVisibleAsync(new() { Timeout = 5_000 });
            Assert.True(await queue.EvaluateAsync<bool>("() => window.__sameDocument === true"), "The queue was reloaded.");
            Assert.True(await home.EvaluateAsync<bool>("() => window.__sameDocument === true"), "The home page was reloaded.");
        }
        finally
        {
            await redis.DisposeAsync();
        }
    }
}
