using PanelAgent.Protocol.Payloads;
using PanelAgent.Station.Receiving;

namespace PanelAgent.Station.Tests.Receiving;

/// <summary>The station's memory of each panel's access-log head: progress is quiet, a cut tail is reported once.</summary>
public sealed class AccessHeadWatchTests
{
    private readonly AccessHeadWatch _watch = new();

    [Fact]
    public void Observe_HeadMovesOnAndWitnessMatches_IsQuiet()
    {
        Assert.Null(_watch.Observe("p-1", new AccessHeadPayload(10, 10, "h10")));
        Assert.Null(_watch.Observe("p-1", new AccessHeadPayload(12, 12, "h12", 10, "h10")));
        Assert.Null(_watch.Observe("p-1", new AccessHeadPayload(12, 12, "h12", 12, "h12")));
    }

    [Fact]
    public void Observe_SequenceGoesBack_IsACut()
    {
        _watch.Observe("p-1", new AccessHeadPayload(10, 10, "h10"));

        Assert.Equal("seq=7;was=10", _watch.Observe("p-1", new AccessHeadPayload(7, 7, "h7", 10, null)));
    }

    [Fact]
    public void Observe_TailCutAndRefilledBeforeTheNextHeartbeat_WitnessGivesItAway()
    {
        _watch.Observe("p-1", new AccessHeadPayload(10, 10, "h10"));

        // Entries 8-10 removed, then four new ones: the head moved on, but the entry now at 10 is another one.
        Assert.Equal("witness=10;hash-changed", _watch.Observe("p-1", new AccessHeadPayload(11, 11, "x11", 10, "x10")));
    }

    [Fact]
    public void Observe_HeadEntryRewritten_IsACut()
    {
        _watch.Observe("p-1", new AccessHeadPayload(10, 10, "h10"));

        Assert.Equal("seq=10;hash-changed", _watch.Observe("p-1", new AccessHeadPayload(10, 10, "other")));
    }

    [Fact]
    public void Observe_AfterACut_ReportsItOnceAndFollowsTheNewHead()
    {
        _watch.Observe("p-1", new AccessHeadPayload(10, 10, "h10"));
        _watch.Observe("p-1", new AccessHeadPayload(7, 7, "h7"));

        Assert.Null(_watch.Observe("p-1", new AccessHeadPayload(8, 8, "h8", 7, "h7")));
        Assert.Null(_watch.Observe("p-2", new AccessHeadPayload(1, 1, "a")));
    }
}
