using System.Diagnostics;
using DigitalAlmaty.Tests.Support;
using DigitalAlmaty.Web.Data;
using DigitalAlmaty.Web.Features.Operations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DigitalAlmaty.Tests.Web;

/// <summary>
/// Two portal instances on one SQLite file and the test Redis (<c>DA_TEST_REDIS</c>): each one's
/// roster lists both, with what their beats carry; a node that stops leaves the other's roster at once.
/// </summary>
public sealed class NodeHeartbeatRelayTests
{
    /// <summary>A silent node is dropped after 9 s: leaving must be seen well before that.</summary>
    private const int HeartbeatSeconds = 3;

    [Fact]
    public async Task TwoNodesSharingRedis_EachListsBoth_AndAStoppedNodeLeavesAtOnce()
    {
        var channel = $"digital-almaty:test:{Guid.NewGuid():N}";
        await using var nodeA = new PortalFactory(Settings("node-a", channel));
        var nodeB = new PortalFactory(Settings("node-b", channel), root: nodeA.Root);
        try
        {
            var rosterA = nodeA.Services.GetRequiredService<NodeRoster>();
            var rosterB = nodeB.Services.GetRequiredService<NodeRoster>();

            await WaitUntilAsync(() => Names(rosterA) == "node-a,node-b" && Names(rosterB) == "node-a,node-b", TimeSpan.FromSeconds(20));

            string lastMigration;
            await using (var db = await nodeA.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync())
            {
                lastMigration = (await db.Database.GetAppliedMigrationsAsync()).Last();
            }

            foreach (var sighting in rosterA.Nodes())
            {
                var beat = sighting.Beat;
                Assert.Equal(BuildVersion.Version, beat.Version);
                Assert.Equal(BuildVersion.Commit, beat.Commit);
                Assert.Equal("Sqlite", beat.DatabaseProvider);
                Assert.Equal(lastMigration, beat.Migration);
                Assert.Equal(TimeSpan.FromSeconds(HeartbeatSeconds), beat.Every);
                Assert.False(beat.Leaving);
            }

            // Node b's beats reached node a over Redis only after its relay was listening, so it was connected.
            Assert.Equal(RelayState.Connected, rosterA.Nodes().Single(n => n.Beat.Node == "node-b").Beat.Redis);
            Assert.Equal(nodeB.Services.GetRequiredService<PortalNode>().Instance, rosterA.Nodes().Single(n => n.Beat.Node == "node-b").Beat.Instance);

            var stopping = Stopwatch.StartNew();
            await nodeB.DisposeAsync();
            await WaitUntilAsync(() => Names(rosterA) == "node-a", TimeSpan.FromSeconds(15));
            Assert.True(
                stopping.Elapsed < TimeSpan.FromSeconds(HeartbeatSeconds * 1.5),
                $"Node b left node a's roster after {stopping.Elapsed.TotalSeconds:0.0} s: by missed beats, not by its leaving beat.");
        }
        finally
        {
            await nodeB.DisposeAsync();
        }
    }

    private static Dictionary<string, string?> Settings(string name, string channel) => new()
    {
        ["Realtime:Redis"] = TestServers.Redis,
        ["Realtime:RedisChannel"] = channel,
        ["Portal:NodeName"] = name,
        ["Operations:HeartbeatSeconds"] = HeartbeatSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    private static string Names(NodeRoster roster) => string.Join(',', roster.Nodes().Select(n => n.Beat.Node));

    private static async Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout)
    {
        var waited = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(waited.Elapsed < timeout, "The rosters did not reach the expected nodes in time.");
            await Task.Delay(100);
        }
    }
}
