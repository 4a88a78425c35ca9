using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using DigitalAlmaty.Domain.Accounts;
using DigitalAlmaty.Domain.Submissions;
using DigitalAlmaty.Domain.Time;
using DigitalAlmaty.Tests.Support;
using DigitalAlmaty.Web.Features.Agreement;
using DigitalAlmaty.Web.Features.Operations;
using DigitalAlmaty.Web.Realtime;
using Microsoft.Extensions.DependencyInjection;

namespace DigitalAlmaty.Tests.Web;

/// <summary>
/// Two portal instances on one SQLite file, relaying the event feed over a real Redis: the one
/// <c>./test.sh</c> starts, or a private redis-server that the outage test kills and restarts.
/// </summary>
public sealed class RedisRelayTests
{
    private static readonly TimeSpan Delivery = TimeSpan.FromSeconds(2);

    [Fact]
    public async Task EventPublishedOnOneNode_ReachesTheOther_AndIsNotEchoedBack()
    {
        var channel = UniqueChannel();
        await using var nodeA = new PortalFactory(NodeSettings(TestServers.Redis, channel)) { KeepRoot = true };
        await using var nodeB = new PortalFactory(NodeSettings(TestServers.Redis, channel), root: nodeA.Root) { KeepRoot = false };
        await StartRelayAsync(nodeA);
        await StartRelayAsync(nodeB);

        var change = NewChange();
        var onB = Next<SubmissionChanged>(nodeB, e => e.Id == change.Id);
        var seenOnA = 0;
        using var onA = Feed(nodeA).Subscribe<SubmissionChanged>(e =>
        {
            if (e.Id == change.Id)
            {
                Interlocked.Increment(ref seenOnA);
            }

            return Task.CompletedTask;
        });

        Feed(nodeA).Publish(change);

        Assert.Equal(change, await onB.Received.WaitAsync(Delivery));
        // Node A's own copy is local; its echo from Redis (same node id) must be ignored.
        await Task.Delay(TimeSpan.FromMilliseconds(500));
        Assert.Equal(1, Volatile.Read(ref seenOnA));
        onB.Dispose();

        using var client = nodeA.CreatePortalClient();
        var health = await client.GetAsync(new Uri("/healthz", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal("Healthy", await health.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task MalformedMessages_AreIgnored_AndTheFeedKeepsFlowing()
    {
        var channel = UniqueChannel();
        await using var nodeA = new PortalFactory(NodeSettings(TestServers.Redis, channel)) { KeepRoot = true };
        await using var nodeB = new PortalFactory(NodeSettings(TestServers.Redis, channel), root: nodeA.Root) { KeepRoot = false };
        var relayA = await StartRelayAsync(nodeA);
        await StartRelayAsync(nodeB);
        var anyOnB = Next<PortalEvent>(nodeB, e => e is not (SubmissionChanged { Kind: SubmissionKind.Idea, Status: SubmissionStatus.Published } or NodeHeartbeat));

        var raw = relayA.Connection!.GetSubscriber();
        foreach (var garbage in new[] { "not json", "{}", """{"node":"other"}""", """{"node":"other","event":{"type":"nope"}}""", """{"node":"other","event":{}}""", "[1,2]" })
        {
            await raw.PublishAsync(StackExchange.Redis.RedisChannel.Literal(channel), garbage);
        }

        var change = NewChange();
        using var onB = Next<SubmissionChanged>(nodeB, e => e.Id == change.Id);
        Feed(nodeA).Publish(change);

        Assert.Equal(change, await onB.Received.WaitAsync(Delivery));
        Assert.False(anyOnB.Received.IsCompleted, "A malformed message became an event.");
        anyOnB.Dispose();
    }

    [Fact]
    public async Task RedisDownAtStart_NodeJoinsTheFeedWhenItComesUp()
    {
        var port = FreePort();
        var channel = UniqueChannel();
        await using var nodeA = new PortalFactory(NodeSettings($"127.0.0.1:{port}", channel)) { KeepRoot = true };
        await using var nodeB = new PortalFactory(NodeSettings($"127.0.0.1:{port}", channel), root: nodeA.Root) { KeepRoot = false };
        var relayA = nodeA.Services.GetRequiredService<RedisEventRelay>();
        var relayB = nodeB.Services.GetRequiredService<RedisEventRelay>();
        Assert.False(relayA.Subscribed.IsCompleted);

        await using var redis = await PrivateRedis.StartAsync(port);
        await relayA.Subscribed.WaitAsync(TimeSpan.FromSeconds(30));
        await relayB.Subscribed.WaitAsync(TimeSpan.FromSeconds(30));

        var change = NewChange();
        using var onB = Next<SubmissionChanged>(nodeB, e => e.Id == change.Id);
        Feed(nodeA).Publish(change);
        Assert.Equal(change, await onB.Received.WaitAsync(Delivery));
    }

    [Fact]
    public async Task RedisUnreachable_NodeStarts_ReportsDegraded_AndWorksLocally()
    {
        await using var node = new PortalFactory(NodeSettings("127.0.0.1:1", UniqueChannel()));
        var relay = node.Services.GetRequiredService<RedisEventRelay>();
        Assert.Same(relay, Feed(node).Relay);

        using var client = node.CreatePortalClient();
        var health = await client.GetAsync(new Uri("/healthz", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal("Degraded", await health.Content.ReadAsStringAsync());

        // Also once the first connection attempt has given up, so that Send meets a disconnected multiplexer.
        await WaitUntilAsync(() => relay.Connection is not null, TimeSpan.FromSeconds(15), "the first connection attempt to return");
        Assert.False(relay.Connection!.IsConnected);

        for (var i = 0; i < 3; i++)
        {
            var change = NewChange();
            using var local = Next<SubmissionChanged>(node, e => e.Id == change.Id);
            Feed(node).Publish(change);
            Assert.Equal(change, await local.Received.WaitAsync(Delivery));
        }

        health = await client.GetAsync(new Uri("/healthz", UriKind.Relative));
        Assert.Equal("Degraded", await health.Content.ReadAsStringAsync());
        Assert.False(relay.Subscribed.IsCompleted);
    }

    [Fact]
    public async Task AfterARedisOutage_NodesResynchronise_AndRelayAgain()
    {
        var port = FreePort();
        var redis = await PrivateRedis.StartAsync(port);
        try
        {
            var channel = UniqueChannel();
            var endpoint = $"127.0.0.1:{port}";
            await using var nodeA = new PortalFactory(NodeSettings(endpoint, channel)) { KeepRoot = true };
            await using var nodeB = new PortalFactory(NodeSettings(endpoint, channel), root: nodeA.Root) { KeepRoot = false };
            var relayA = await StartRelayAsync(nodeA);
            var relayB = await StartRelayAsync(nodeB);

            var before = NewChange();
            using (var onB = Next<SubmissionChanged>(nodeB, e => e.Id == before.Id))
            {
                Feed(nodeA).Publish(before);
                Assert.Equal(before, await onB.Received.WaitAsync(Delivery));
            }

            using var resyncA = Next<FeedResynchronized>(nodeA);
            using var resyncB = Next<FeedResynchronized>(nodeB);

            await redis.DisposeAsync();
            await WaitUntilAsync(() => !relayA.Connection!.IsConnected && !relayB.Connection!.IsConnected,
                TimeSpan.FromSeconds(10), "both nodes to notice that Redis is gone");

            // During the outage node A keeps working on its own; the cross-node copy is dropped.
            var during = NewChange();
            using var duringOnB = Next<SubmissionChanged>(nodeB, e => e.Id == during.Id);
            using (var onA = Next<SubmissionChanged>(nodeA, e => e.Id == during.Id))
            {
                Feed(nodeA).Publish(during);
                Assert.Equal(during, await onA.Received.WaitAsync(Delivery));
            }

            using (var client = nodeA.CreatePortalClient())
            {
                var health = await client.GetAsync(new Uri("/healthz", UriKind.Relative));
                Assert.Equal(HttpStatusCode.OK, health.StatusCode);
                Assert.Equal("Degraded", await health.Content.ReadAsStringAsync());
            }

            Assert.False(resyncA.Received.IsCompleted);
            redis = await PrivateRedis.StartAsync(port);

            // The client library reconnects on its own schedule (a few seconds); then each node proves its
            // subscription is back with a probe and tells its subscribers to re-read.
            await resyncA.Received.WaitAsync(TimeSpan.FromSeconds(30));
            await resyncB.Received.WaitAsync(TimeSpan.FromSeconds(30));

            var after = NewChange();
            using (var onB = Next<SubmissionChanged>(nodeB, e => e.Id == after.Id))
            {
                Feed(nodeA).Publish(after);
                Assert.Equal(after, await onB.Received.WaitAsync(Delivery));
            }

            Assert.False(duringOnB.Received.IsCompleted, "An event published during the outage was replayed later.");
        }
        finally
        {
            await redis.DisposeAsync();
        }
    }

    [Fact]
    public async Task AgreementPublishedOnOneNode_EmptiesTheOtherNodesPageCache()
    {
        var channel = UniqueChannel();
        await using var nodeA = new PortalFactory(NodeSettings(TestServers.Redis, channel)) { KeepRoot = true };
        await using var nodeB = new PortalFactory(NodeSettings(TestServers.Redis, channel), root: nodeA.Root) { KeepRoot = false };
        await StartRelayAsync(nodeA);
        await StartRelayAsync(nodeB);

        // Node B caches /agreement for anonymous readers.
        using var reader = nodeB.CreatePortalClient();
        var before = await reader.GetStringAsync(new Uri("/agreement", UriKind.Relative));
        const string marker = "Редакция для проверки кэша на двух узлах";
        Assert.DoesNotContain(marker, before, StringComparison.Ordinal);

        var admin = await nodeA.CreateUserAsync($"{Guid.NewGuid():N}@example.kz", "Relay-Pass-2026", "Администратор", PortalRoles.Admin);
        using var onB = Next<AgreementPublished>(nodeB);
        using (var scope = nodeA.Services.CreateScope())
        {
            var published = await scope.ServiceProvider.GetRequiredService<AgreementService>().PublishAsync(
                ModerationServiceTests.Principal(admin.Id, PortalRoles.Admin),
                new AgreementDraft($"# {marker}\n\nТекст.", AlmatyTime.Today(DateTimeOffset.UtcNow), "Проверка.", false));
            Assert.True(published.Succeeded, published.ErrorCode);
        }

        await onB.Received.WaitAsync(Delivery);
        string after = string.Empty;
        await WaitUntilAsync(
            () =>
            {
                after = reader.GetStringAsync(new Uri("/agreement", UriKind.Relative)).GetAwaiter().GetResult();
                return after.Contains(marker, StringComparison.Ordinal);
            },
            TimeSpan.FromSeconds(5),
            "node B to serve the new agreement version");
        Assert.Contains(marker, after, StringComparison.Ordinal);
    }

    private static Dictionary<string, string?> NodeSettings(string redis, string channel) => new()
    {
        ["Realtime:Redis"] = redis,
        ["Realtime:RedisChannel"] = channel,
    };

    private static string UniqueChannel() => $"digital-almaty:test:{Guid.NewGuid():N}";

    private static SubmissionChanged NewChange() =>
        new(Guid.NewGuid(), SubmissionKind.Idea, SubmissionStatus.Published, "author-" + Guid.NewGuid().ToString("N")[..6]);

    private static PortalEventFeed Feed(PortalFactory node) => node.Services.GetRequiredService<PortalEventFeed>();

    private static async Task<RedisEventRelay> StartRelayAsync(PortalFactory node)
    {
        var relay = node.Services.GetRequiredService<RedisEventRelay>();
        await relay.Subscribed.WaitAsync(TimeSpan.FromSeconds(15));
        return relay;
    }

    private static Receiver<TEvent> Next<TEvent>(PortalFactory node, Func<TEvent, bool>? match = null)
        where TEvent : PortalEvent => new(Feed(node), match ?? (_ => true));

    private static async Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout, string what)
    {
        var watch = Stopwatch.StartNew();
        while (!condition())
        {
            if (watch.Elapsed > timeout)
            {
                throw new TimeoutException($"Waited {timeout.TotalSeconds} s for {what}.");
            }

            await Task.Delay(50);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The first matching event a feed delivers.</summary>
    private sealed class Receiver<TEvent> : IDisposable
        where TEvent : PortalEvent
    {
        private readonly TaskCompletionSource<TEvent> _received = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly IDisposable _subscription;

        public Receiver(PortalEventFeed feed, Func<TEvent, bool> match) =>
            _subscription = feed.Subscribe<TEvent>(e =>
            {
                if (match(e))
                {
                    _received.TrySetResult(e);
                }

                return Task.CompletedTask;
            });

        public Task<TEvent> Received => _received.Task;

        public void Dispose() => _subscription.Dispose();
    }
}
