using PanelAgent.Protocol.Envelopes;
using PanelAgent.Protocol.Replay;
using PanelAgent.Protocol.Sealing;
using PanelAgent.Protocol.Tests.Support;

namespace PanelAgent.Protocol.Tests.Replay;

public class ReplayGuardTests
{
    [Theory]
    [InlineData(-40_000, OpenStatus.Accepted)]
    [InlineData(-40_001, OpenStatus.OutOfWindow)]
    [InlineData(-41_000, OpenStatus.OutOfWindow)]
    [InlineData(0, OpenStatus.Accepted)]
    [InlineData(20_000, OpenStatus.Accepted)]
    [InlineData(20_001, OpenStatus.OutOfWindow)]
    [InlineData(21_000, OpenStatus.OutOfWindow)]
    public void Open_SenderClockOffset_WindowIsMinus40To20Seconds(int offsetMs, OpenStatus expected)
    {
        using var link = new TestLink();
        link.PanelSealer.ClockOffset = TimeSpan.FromMilliseconds(offsetMs);

        var result = link.StationOpener.Open(link.Up(), TestLink.PanelId, TopicKind.Events);

        Assert.Equal(expected, result.Status);
    }

    [Fact]
    public void Open_StaleDownlink_IsOutOfWindowAtThePanel()
    {
        using var link = new TestLink();
        var command = link.Down();

        link.Time.Advance(TimeSpan.FromSeconds(41));

        Assert.Equal(OpenStatus.OutOfWindow, link.PanelOpener.Open(command, TestLink.PanelId, TopicKind.Commands).Status);
    }

    [Fact]
    public void Open_OutOfWindow_GivesBothClocksSoTheSenderCanCorrect()
    {
        using var link = new TestLink();
        link.PanelSealer.ClockOffset = TimeSpan.FromMinutes(3);

        var rejected = link.StationOpener.Open(link.Up(), TestLink.PanelId, TopicKind.Events);
        link.PanelSealer.ClockOffset -= rejected.SenderClockOffset!.Value;
        var corrected = link.StationOpener.Open(link.Up(), TestLink.PanelId, TopicKind.Events);

        Assert.Equal(OpenStatus.OutOfWindow, rejected.Status);
        Assert.Equal(TimeSpan.FromMinutes(3), rejected.SenderClockOffset);
        Assert.Equal(TestLink.Start, rejected.ReceiverTime);
        Assert.Equal(OpenStatus.Accepted, corrected.Status);
    }

    [Fact]
    public void Open_SameMessageTwice_SecondIsReplayed()
    {
        using var link = new TestLink();
        var message = link.Up();

        Assert.Equal(OpenStatus.Accepted, link.StationOpener.Open(message, TestLink.PanelId, TopicKind.Events).Status);
        var replay = link.StationOpener.Open(message, TestLink.PanelId, TopicKind.Events);

        Assert.Equal(OpenStatus.Replayed, replay.Status);
        Assert.Null(replay.Payload);
    }

    [Fact]
    public void Open_LowerSequenceAfterAHigherOne_IsReplayed()
    {
        using var link = new TestLink();
        var guard = new ReplayGuard(link.Time);
        var station = EnvelopeOpener.ForStation(link.StationKeys, guard);
        var first = link.Up();
        var second = link.Up();
        var third = link.Up();

        Assert.Equal(OpenStatus.Accepted, station.Open(second, TestLink.PanelId, TopicKind.Events).Status);
        Assert.Equal(OpenStatus.Replayed, station.Open(first, TestLink.PanelId, TopicKind.Events).Status);
        Assert.Equal(OpenStatus.Accepted, station.Open(third, TestLink.PanelId, TopicKind.Events).Status);
        Assert.Equal(3ul, guard.HighestSeen(TestLink.PanelId, TopicKind.Events, link.PanelSealer.Session));
    }

    [Fact]
    public void Open_TopicsOfOneSessionArriveInterleaved_EachTopicIsMonotonicOnItsOwn()
    {
        // MQTT orders messages within a topic only: a status sealed after an event may arrive before it.
        using var link = new TestLink();
        var ev = link.Up(TopicKind.Events);
        var status = link.Up(TopicKind.Status);

        Assert.True(link.StationOpener.Open(status, TestLink.PanelId, TopicKind.Status).IsAccepted);
        Assert.True(link.StationOpener.Open(ev, TestLink.PanelId, TopicKind.Events).IsAccepted);
        Assert.Equal(OpenStatus.Replayed, link.StationOpener.Open(ev, TestLink.PanelId, TopicKind.Events).Status);
    }

    [Fact]
    public void Open_ReplayAfterTheSessionIsForgotten_IsOutsideTheWindow()
    {
        using var link = new TestLink();
        var guard = new ReplayGuard(link.Time);
        var station = EnvelopeOpener.ForStation(link.StationKeys, guard);
        var message = link.Up();
        var session = link.PanelSealer.Session;
        Assert.True(station.Open(message, TestLink.PanelId, TopicKind.Events).IsAccepted);

        // The panel restarts (a new session) long after; opening its first message prunes the old session.
        link.Time.Advance(guard.Window.Retention + TimeSpan.FromSeconds(11));
        var restarted = MessageSealer.ForPanel(link.PanelKeys, link.PanelEpochs, link.Time);
        Assert.True(station.Open(restarted.Seal(TestLink.PanelId, TopicKind.Events, [1]), TestLink.PanelId, TopicKind.Events).IsAccepted);
        var replay = station.Open(message, TestLink.PanelId, TopicKind.Events);

        Assert.Null(guard.HighestSeen(TestLink.PanelId, TopicKind.Events, session));
        Assert.Equal(1, guard.TrackedSessions);
        Assert.Equal(OpenStatus.OutOfWindow, replay.Status);
    }

    [Fact]
    public void Retention_IsLongerThanTheWindowIsWide()
    {
        var window = ReplayWindow.SiaDc09;

        Assert.True(window.Retention > window.Past + window.Future);
    }

    [Fact]
    public void Open_TwoStationInstancesSealingForOnePanel_BothAccepted()
    {
        // Two station processes behind one broker: two sessions, each monotonic on its own.
        using var link = new TestLink();
        var second = MessageSealer.ForStation(link.StationKeys, link.StationEpochs, link.Time, link.StationSigningKey);
        var fromFirst = link.Down(TopicKind.Acks);
        var fromSecond = second.Seal(TestLink.PanelId, TopicKind.Acks, TestLink.Payload("{}"));
        var laterFromFirst = link.Down(TopicKind.Acks);

        Assert.True(link.PanelOpener.Open(fromSecond, TestLink.PanelId, TopicKind.Acks).IsAccepted);
        Assert.True(link.PanelOpener.Open(laterFromFirst, TestLink.PanelId, TopicKind.Acks).IsAccepted);
        Assert.Equal(OpenStatus.Replayed, link.PanelOpener.Open(fromFirst, TestLink.PanelId, TopicKind.Acks).Status);
    }
}
