using System.Text.Json;
using PanelAgent.Protocol.Payloads;
using PanelAgent.Protocol.Sealing;
using PanelAgent.Station.Receiving;
using PanelAgent.Station.Tests.Support;

namespace PanelAgent.Station.Tests;

public sealed class PanelStationTests : IAsyncLifetime
{
    private StationHarness _harness = null!;

    public async Task InitializeAsync() => _harness = await StationHarness.StartAsync();

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task Receive_SealedEvent_PrintsLineStoresAndSendsSignedAck()
    {
        var (station, output) = await _harness.StartStationAsync("station-1");
        await using var panel = await _harness.ConnectPanelAsync("panel-a");

        await panel.SendAsync(FakePanel.Event(7));

        var ack = await panel.NextAckAsync();
        Assert.Equal(OpenStatus.Accepted, ack.Status);
        Assert.True(AckPayloadCodec.TryDecode(ack.Payload, out var payload));
        Assert.Equal(new long[] { 7L }, payload!.Seqs);
        Assert.InRange(payload.StationTime, DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddMinutes(1));
        await output.WhenLinesAsync(1).WaitAsync(StationHarness.Patience);
        using var line = JsonDocument.Parse(Assert.Single(output.Lines));
        var root = line.RootElement;
        Assert.Equal("panel-a", root.GetProperty("panel").GetString());
        Assert.Equal(7, root.GetProperty("seq").GetInt64());
        Assert.Equal("alarm.intrusion", root.GetProperty("type").GetString());
        Assert.Equal("hall", root.GetProperty("zone").GetString());
        Assert.Equal("BA", root.GetProperty("sia").GetString());
        Assert.Equal("1130", root.GetProperty("cid").GetString());
        Assert.True(root.TryGetProperty("at", out _));
        Assert.Equal(1, station.Store.CountEvents("panel-a"));
    }

    [Fact]
    public async Task Receive_SameSeqTwice_PrintedOnceAckedTwice()
    {
        var (station, output) = await _harness.StartStationAsync("station-1");
        await using var panel = await _harness.ConnectPanelAsync("panel-a");

        await panel.SendAsync(FakePanel.Event(3));
        await panel.SendAsync(FakePanel.Event(3));
        await panel.SendAsync(FakePanel.Event(4));

        // A burst may be answered by one ack listing several sequences: count sequences, not acks.
        var acked = await AckedSeqsAsync(panel, 3);

        Assert.Equal(new long[] { 3L, 3L, 4L }, acked);
        await output.WhenLinesAsync(2).WaitAsync(StationHarness.Patience);
        Assert.Equal(new long[] { 3L, 4L }, output.Lines.Select(SeqOf));
        Assert.Equal(1, station.Counters[StationCounters.Duplicate]);
        Assert.Equal(2, station.Store.CountEvents("panel-a"));
    }

    [Fact]
    public async Task Receive_ForgedAndGarbage_CountedAndStationKeepsGoing()
    {
        var (station, output) = await _harness.StartStationAsync("station-1");
        await using var panel = await _harness.ConnectPanelAsync("panel-a");
        var garbage = new byte[300];
        new Random(42).NextBytes(garbage);
        garbage[0] = 1;

        await panel.PublishRawAsync([0x42, 1, 2, 3]);
        await panel.PublishRawAsync(garbage);
        await panel.PublishRawAsync(Forged());
        await panel.SendAsync(FakePanel.Event(1));

        Assert.Equal(new long[] { 1L }, await AckedSeqAsync(panel));
        await output.WhenLinesAsync(1).WaitAsync(StationHarness.Patience);
        Assert.Equal(new long[] { 1L }, output.Lines.Select(SeqOf));
        var rejected = station.Counters.Snapshot()
            .Where(c => c.Key is not (StationCounters.NewEvent or StationCounters.AckPublished))
            .Sum(c => c.Value);
        Assert.Equal(3, rejected);
        Assert.Equal(1, station.Counters[nameof(OpenStatus.BadTag)]);
        Assert.Equal(0, station.Counters[nameof(OpenStatus.Unexpected)]);
    }

    [Fact]
    public async Task SharedSubscription_TwoStations_SplitStreamEachEventPrintedOnce()
    {
        const int Count = 200;
        var (first, firstOutput) = await _harness.StartStationAsync("station-1");
        var (second, secondOutput) = await _harness.StartStationAsync("station-2");
        await using var panel = await _harness.ConnectPanelAsync("panel-a");

        for (var seq = 1; seq <= Count; seq++)
        {
            await panel.SendAsync(FakePanel.Event(seq));
        }

        var acked = await AckedSeqsAsync(panel, Count);

        // Every ack is sent after its line is printed, so all lines are out by now.
        var printed = firstOutput.Lines.Concat(secondOutput.Lines).Select(SeqOf).ToList();
        Assert.Equal(Enumerable.Range(1, Count).Select(i => (long)i), printed.Order());
        Assert.Equal(Enumerable.Range(1, Count).Select(i => (long)i), acked.Order());
        Assert.NotEmpty(firstOutput.Lines);
        Assert.NotEmpty(secondOutput.Lines);
        Assert.Equal(Count, first.Store.CountEvents("panel-a") + second.Store.CountEvents("panel-a"));
    }

    [Fact]
    public async Task Supervisor_BrokerKilledAndRestarted_ResubscribesAndReceives()
    {
        var (station, output) = await _harness.StartStationAsync("station-1");
        await using (var before = await _harness.ConnectPanelAsync("panel-a"))
        {
            await before.SendAsync(FakePanel.Event(1));
            Assert.Equal(new long[] { 1L }, await AckedSeqAsync(before));
        }

        await _harness.Broker.KillAsync();
        await _harness.Broker.RestartAsync();
        await station.WhenSubscribedAsync(2).WaitAsync(StationHarness.Patience);
        await using var after = await _harness.ConnectPanelAsync("panel-a");
        await after.SendAsync(FakePanel.Event(2));

        Assert.Equal(new long[] { 2L }, await AckedSeqAsync(after));
        await output.WhenLinesAsync(2).WaitAsync(StationHarness.Patience);
        Assert.Equal(new long[] { 1L, 2L }, output.Lines.Select(SeqOf));
    }

    private static byte[] Forged()
    {
        // A well-formed envelope sealed with a key the station does not hold for panel-a.
        var keys = new PanelAgent.Protocol.Keys.KeyRing();
        keys.Add(PanelAgent.Protocol.Keys.KeyDerivation.DeriveKeySet(new byte[32], "panel-a", 1));
        var sealer = MessageSealer.ForPanel(keys, new OneEpoch(), TimeProvider.System);
        return sealer.Seal("panel-a", PanelAgent.Protocol.Envelopes.TopicKind.Events, EventPayloadCodec.Encode(FakePanel.Event(99)));
    }

    private static async Task<long[]> AckedSeqAsync(FakePanel panel)
    {
        var ack = await panel.NextAckAsync();
        Assert.Equal(OpenStatus.Accepted, ack.Status);
        Assert.True(AckPayloadCodec.TryDecode(ack.Payload, out var payload));
        return [.. payload!.Seqs];
    }

    private static async Task<List<long>> AckedSeqsAsync(FakePanel panel, int count)
    {
        var acked = new List<long>();
        while (acked.Count < count)
        {
            acked.AddRange(await AckedSeqAsync(panel));
        }

        return acked;
    }

    private static long SeqOf(string line)
    {
        using var document = JsonDocument.Parse(line);
        return document.RootElement.GetProperty("seq").GetInt64();
    }

    private sealed class OneEpoch : INonceEpochStore
    {
        public uint TakeNextEpoch() => 1;
    }
}
