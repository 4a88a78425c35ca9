using DigitalAlmaty.Tests.Support;
using DigitalAlmaty.Web.Features.Operations;

namespace DigitalAlmaty.Tests.Web;

/// <summary>The roster of live nodes on a clock the test moves: beats add and refresh, silence and leaving remove.</summary>
public sealed class NodeRosterTests
{
    private static readonly TimeSpan Every = TimeSpan.FromSeconds(5);

    private readonly ManualClock _clock = new(new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public void ABeat_AddsTheNode_AndTellsOpenPages()
    {
        var roster = new NodeRoster(_clock);
        var changes = 0;
        roster.Changed += () => changes++;

        roster.Apply(NodeBeats.Of("node-a", _clock.GetUtcNow(), Every));

        var node = Assert.Single(roster.Nodes());
        Assert.Equal("node-a", node.Beat.Node);
        Assert.Equal(_clock.GetUtcNow(), node.HeardAt);
        Assert.Equal(1, changes);
    }

    [Fact]
    public void ALaterBeat_ReplacesTheEarlierOne_OfTheSameInstance()
    {
        var roster = new NodeRoster(_clock);
        roster.Apply(NodeBeats.Of("node-a", _clock.GetUtcNow(), Every, instance: "a", circuits: 3));
        _clock.Advance(Every);
        roster.Apply(NodeBeats.Of("node-a", _clock.GetUtcNow(), Every, instance: "a", circuits: 7));

        var node = Assert.Single(roster.Nodes());
        Assert.Equal(7, node.Beat.Circuits);
        Assert.Equal(_clock.GetUtcNow(), node.HeardAt);
    }

    [Fact]
    public void TwoNodesWithOneName_AreListedApart()
    {
        var roster = new NodeRoster(_clock);
        roster.Apply(NodeBeats.Of("portal", _clock.GetUtcNow(), Every));
        roster.Apply(NodeBeats.Of("portal", _clock.GetUtcNow(), Every));

        Assert.Equal(2, roster.Nodes().Count);
    }

    [Fact]
    public void ANodeSilentForThreeBeats_IsDropped_ButNotBefore()
    {
        var roster = new NodeRoster(_clock);
        roster.Apply(NodeBeats.Of("node-a", _clock.GetUtcNow(), Every, instance: "a"));
        roster.Apply(NodeBeats.Of("node-b", _clock.GetUtcNow(), Every, instance: "b"));

        // Node b keeps beating; node a falls silent.
        _clock.Advance(TimeSpan.FromSeconds(10));
        roster.Apply(NodeBeats.Of("node-b", _clock.GetUtcNow(), Every, instance: "b"));
        _clock.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(["node-a", "node-b"], roster.Nodes().Select(n => n.Beat.Node));

        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(["node-b"], roster.Nodes().Select(n => n.Beat.Node));
    }

    [Fact]
    public void ALeavingBeat_RemovesTheNodeAtOnce_AndTellsOpenPages()
    {
        var roster = new NodeRoster(_clock);
        roster.Apply(NodeBeats.Of("node-a", _clock.GetUtcNow(), Every, instance: "a"));
        roster.Apply(NodeBeats.Of("node-b", _clock.GetUtcNow(), Every, instance: "b"));
        var changes = 0;
        roster.Changed += () => changes++;

        _clock.Advance(TimeSpan.FromSeconds(1));
        roster.Apply(NodeBeats.Of("node-a", _clock.GetUtcNow(), Every, instance: "a") with { Leaving = true });

        Assert.Equal(["node-b"], roster.Nodes().Select(n => n.Beat.Node));
        Assert.Equal(1, changes);
    }

    private sealed class ManualClock(DateTimeOffset start) : TimeProvider
    {
        private DateTimeOffset _now = start;

        public void Advance(TimeSpan by) => _now += by;

        public override DateTimeOffset GetUtcNow() => _now;
    }
}
