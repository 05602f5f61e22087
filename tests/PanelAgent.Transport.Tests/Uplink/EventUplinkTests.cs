using System.Security.Cryptography;
using System.Text;
using PanelAgent.Core.Events;
using PanelAgent.Protocol.Envelopes;
using PanelAgent.Protocol.Payloads;
using PanelAgent.Protocol.Sealing;
using PanelAgent.TestSupport;
using PanelAgent.Transport.Tests.Support;

namespace PanelAgent.Transport.Tests.Uplink;

/// <summary>The outbox uplink against a real Mosquitto, a real SQLite outbox and a fake station (issue 3 §3, §4).</summary>
public sealed class EventUplinkTests(TestPki pki) : IClassFixture<TestPki>
{
    private static PanelEvent Intrusion(string zone = "front-door") => new(EventKinds.AlarmIntrusion, DateTimeOffset.UtcNow, zone);

    private static PanelEvent Armed() => new(EventKinds.ArmedAway, DateTimeOffset.UtcNow, User: 3, Detail: "away");

    private static PanelEvent Disarmed() => new(EventKinds.Disarmed, DateTimeOffset.UtcNow, User: 3);

    [Fact]
    public async Task RunAsync_StreamOfEvents_EveryRowAcknowledgedInStore()
    {
        await using var rig = (await UplinkRig.CreateAsync(pki)).Start();
        var sequences = new List<long>();
        for (var i = 0; i < 30; i++)
        {
            sequences.AddRange(rig.Commit(i % 3 == 0 ? Intrusion() : i % 3 == 1 ? Armed() : Disarmed()).Select(s => s.Sequence));
        }

        await rig.UntilAsync(() => rig.Store.PendingCount == 0, "all 30 rows acknowledged");

        Assert.Equal(0, rig.Store.OldestPendingSequence);
        Assert.Equal(30, rig.Uplink.Counters.RowsAcknowledged);
        Assert.Equal(0, rig.Uplink.Counters.AcksRejectedTotal);
        Assert.Superset(sequences.ToHashSet(), rig.Station.Seen.Select(e => e.Seq).ToHashSet());
        Assert.Equal("BA", rig.Station.Seen.First(e => e.Kind == EventKinds.AlarmIntrusion).Sia);
        Assert.False(rig.Uplink.CommsTrouble);
    }

    [Fact]
    public async Task RunAsync_BacklogDrainedWithPublishesPipelined_StationSeesItInWindowOrder()
    {
        await using var rig = await UplinkRig.CreateAsync(pki);
        // More than a window (100) and many times the publishes in flight (32): several passes, each pipelined.
        var sequences = Enumerable.Range(0, 250)
            .SelectMany(_ => rig.Store.Commit([Armed()], Core.State.PanelState.Initial)).Select(s => s.Sequence).ToList();
        rig.Start();

        await rig.UntilAsync(() => rig.Store.PendingCount == 0, "all 250 rows acknowledged");

        // First sightings in order: a resend after an ack timeout may repeat one later, but never come first.
        Assert.Equal(sequences, rig.Station.Seen.Select(e => e.Seq).Distinct().ToList());
    }

    [Fact]
    public async Task RunAsync_WallClockSetBackAnHourWithARowInFlight_RowStillResentAfterTheAckTimeout()
    {
        var clock = new WallClockOffset();
        await using var rig = await UplinkRig.CreateAsync(pki);
        rig.UplinkTime = clock;
        rig.Start();
        // One row through first: the uplink has seen its connection, so the row below is not sent again merely
        // because the connect came after its first send (a reconnect resends everything, and is no ack timeout).
        rig.Commit(Disarmed());
        await rig.UntilAsync(() => rig.Store.PendingCount == 0, "a first row acknowledged");
        rig.Station.Acking = false;
        var row = rig.Commit(Armed())[0];
        await rig.UntilAsync(() => rig.Station.Seen.Any(e => e.Seq == row.Sequence), "the first send");

        // Timed on the wall clock, the row would wait an hour (plus the ack timeout) for its resend.
        clock.Offset = TimeSpan.FromHours(-1);
        rig.Station.Acking = true;

        await rig.UntilAsync(() => rig.Store.PendingCount == 0, "the row resent after the 1 s ack timeout and acknowledged");
        Assert.True(rig.Uplink.Counters.EventsResent >= 1);
    }

    /// <summary>The system clock, with a wall time that can be set back or forward; timestamps and timers unchanged.</summary>
    private sealed class WallClockOffset : TimeProvider
    {
        public TimeSpan Offset { get; set; }

        public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset;
    }

    [Fact]
    public async Task RunAsync_AlarmsAndArmDisarmPending_AlarmsLeaveFirst()
    {
        await using var rig = await UplinkRig.CreateAsync(pki);
        var store = rig.Store;
        for (var i = 0; i < 10; i++)
        {
            store.Commit([i % 2 == 0 ? Armed() : Disarmed()], Core.State.PanelState.Initial);
        }

        var alarms = Enumerable.Range(0, 3).SelectMany(i => store.Commit([Intrusion($"zone-{i}")], Core.State.PanelState.Initial))
            .Select(s => s.Sequence).ToList();
        rig.Start();

        await rig.UntilAsync(() => rig.Store.PendingCount == 0, "all 13 rows acknowledged");

        var firstSeen = rig.Station.Seen.Select(e => e.Seq).Distinct().ToList();
        Assert.Equal(13, firstSeen.Count);
        Assert.Equal(alarms, firstSeen.Take(3));
    }

    [Fact]
    public async Task RunAsync_BrokerRestartedMidStream_EveryRowAcknowledgedAndSeenByStation()
    {
        await using var rig = (await UplinkRig.CreateAsync(pki)).Start();
        var sequences = new List<long>();
        for (var i = 0; i < 20; i++)
        {
            sequences.AddRange(rig.Commit(Intrusion(), Armed()).Select(s => s.Sequence));
        }

        await rig.UntilAsync(() => rig.Uplink.Counters.RowsAcknowledged >= 5, "some rows acknowledged before the kill");
        await rig.Broker.KillAsync();
        for (var i = 0; i < 20; i++)
        {
            sequences.AddRange(rig.Commit(Disarmed()).Select(s => s.Sequence));
        }

        await rig.Broker.RestartAsync();
        await rig.Station.ReconnectAsync();
        await rig.UntilAsync(() => rig.Store.PendingCount == 0, "all 60 rows acknowledged after the restart");

        Assert.Equal(60, sequences.Count);
        Assert.Empty(sequences.Except(rig.Station.Seen.Select(e => e.Seq)));
        Assert.Equal(60, rig.Uplink.Counters.RowsAcknowledged);
    }

    [Fact]
    public async Task RunAsync_StationStopsAndResumesAcking_CommsTroubleRaisedThenRestored()
    {
        await using var rig = (await UplinkRig.CreateAsync(pki)).Start();
        rig.Commit(Armed());
        await rig.UntilAsync(() => rig.Store.PendingCount == 0, "first row acknowledged");

        rig.Station.Acking = false;
        rig.Commit(Intrusion());
        await rig.UntilAsync(() => rig.TroubleCalls.Contains(true), "comms trouble raised");
        Assert.Equal(1, rig.Store.PendingCount);
        Assert.True(rig.Uplink.Counters.EventsResent > 0);

        rig.Station.Acking = true;
        await rig.UntilAsync(() => rig.TroubleCalls.Count == 2, "comms trouble restored");

        Assert.Equal([true, false], rig.TroubleCalls);
        Assert.Equal(0, rig.Store.PendingCount);
        Assert.False(rig.Uplink.CommsTrouble);
    }

    [Fact]
    public async Task RunAsync_IdleWithHeartbeatsAndStationSilent_RaisesCommsTrouble()
    {
        await using var rig = await UplinkRig.CreateAsync(pki);
        rig.Options.HeartbeatInterval = TimeSpan.FromSeconds(1);
        rig.Start();
        rig.Commit(Armed());
        await rig.UntilAsync(() => rig.Store.PendingCount == 0, "the only row acknowledged");

        // Nothing pending from here on, and the fake station acknowledges events only, never heartbeats: with
        // heartbeats owed an ack, its silence is trouble all the same.
        await rig.UntilAsync(() => rig.TroubleCalls.Contains(true), "comms trouble raised");

        Assert.Equal(0, rig.Store.PendingCount);
        Assert.True(rig.Uplink.CommsTrouble);
    }

    [Fact]
    public async Task RunAsync_AckForgedWithPanelKeysOrGarbage_RejectedCountedAndRowStaysPending()
    {
        await using var rig = await UplinkRig.CreateAsync(pki);
        rig.Station.Acking = false;
        rig.Start();
        var seq = rig.Commit(Intrusion()).Single().Sequence;
        await rig.UntilAsync(() => rig.Station.Seen.Any(e => e.Seq == seq), "station saw the event");

        // Whoever holds the panel's keys (a leaked backup) can seal an ack, but cannot sign it as the station.
        using var rogueKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var forger = MessageSealer.ForStation(rig.PanelKeys, new InMemoryNonceEpochStore(), TimeProvider.System, rogueKey);
        var forged = forger.Seal(UplinkRig.PanelId, TopicKind.Acks, AckPayloadCodec.Encode(new AckPayload([seq], DateTimeOffset.UtcNow)));
        await rig.Station.PublishRawAsync(PanelTopics.Acks(UplinkRig.PanelId), forged);
        await rig.Station.PublishRawAsync(PanelTopics.Acks(UplinkRig.PanelId), RandomNumberGenerator.GetBytes(200));
        await rig.Logger.WhenLoggedAsync(5072).WaitAsync(LinkHarness.Patience);
        await rig.UntilAsync(() => rig.Uplink.Counters.AcksRejectedTotal >= 2, "both messages rejected");

        var counters = rig.Uplink.Counters;
        Assert.Equal(1, counters.AcksRejected[OpenStatus.BadSignature]);
        Assert.Equal(0, counters.RowsAcknowledged);
        Assert.Equal(0, counters.AcksAccepted);
        Assert.Equal(1, rig.Store.PendingCount);
    }

    [Fact]
    public async Task RunAsync_WholeStream_BrokerCarriesNoPlaintextZoneOrKind()
    {
        await using var rig = await UplinkRig.CreateAsync(pki);
        await using var sniffer = await BrokerSniffer.ConnectAsync(pki, rig.Broker.Port);
        rig.Start();
        for (var i = 0; i < 10; i++)
        {
            rig.Commit(Intrusion(), Armed());
        }

        await rig.UntilAsync(() => rig.Store.PendingCount == 0, "all rows acknowledged");
        await rig.UntilAsync(() => sniffer.Messages.Count(m => m.Topic.EndsWith("/acks", StringComparison.Ordinal)) >= 20,
            "sniffer saw the acks");

        var events = sniffer.Messages.Where(m => m.Topic == PanelTopics.Events(UplinkRig.PanelId)).ToList();
        Assert.True(events.Count >= 20);
        foreach (var needle in new[] { "front-door", "alarm.intrusion", "armed.away", "\"seq\"" })
        {
            var bytes = Encoding.UTF8.GetBytes(needle);
            Assert.DoesNotContain(sniffer.Messages, m => m.Payload.AsSpan().IndexOf(bytes) >= 0);
        }
    }
}
