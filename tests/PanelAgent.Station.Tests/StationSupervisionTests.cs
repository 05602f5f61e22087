using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using PanelAgent.Protocol.Envelopes;
using PanelAgent.Protocol.Keys;
using PanelAgent.Protocol.Payloads;
using PanelAgent.Protocol.Replay;
using PanelAgent.Protocol.Sealing;
using PanelAgent.Station.Receiving;
using PanelAgent.Station.Storage;
using PanelAgent.Station.Tests.Support;

namespace PanelAgent.Station.Tests;

/// <summary>
/// Issue 3 §4 at the station, without a broker: heartbeats are acknowledged, three missed intervals or the last will
/// report panel.lost, and the next word from the panel reports panel.restored. One virtual clock for both sides.
/// </summary>
public sealed class StationSupervisionTests : IDisposable
{
    private const string Panel = "villa-0001";
    private static readonly TimeSpan s_interval = TimeSpan.FromSeconds(60);
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.Zero));
    private readonly string _directory = Directory.CreateTempSubdirectory("pa-supervision-").FullName;
    private readonly ECDsa _signing = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly StationStore _store;
    private readonly StationReceiver _receiver;
    private readonly KeyRing _panelKeys = new();
    private MessageSealer _panel;

    public StationSupervisionTests()
    {
        var master = RandomNumberGenerator.GetBytes(32);
        var stationKeys = new KeyRing();
        stationKeys.Add(KeyDerivation.DeriveKeySet(master, Panel, 1));
        _panelKeys.Add(KeyDerivation.DeriveKeySet(master, Panel, 1));
        _store = StationStore.Open(Path.Combine(_directory, "station.db"));
        var supervision = new PanelSupervision(stationKeys.Panels, s_interval, _clock.GetUtcNow());
        _receiver = new StationReceiver(EnvelopeOpener.ForStation(stationKeys, new ReplayGuard(_clock)),
            MessageSealer.ForStation(stationKeys, _store, _clock, _signing), _store, _clock, "station-1", supervision);
        _panel = MessageSealer.ForPanel(_panelKeys, new MemoryEpochs(), _clock);
    }

    [Fact]
    public void Heartbeat_IsAcknowledgedWithoutALine()
    {
        var outcome = Send(StatusStates.Heartbeat);

        Assert.Equal(StationCounters.Heartbeat, outcome.Reason);
        Assert.Null(outcome.Line);
        Assert.Equal($"panels/{Panel}/acks", outcome.AckTopic);
        Assert.NotNull(outcome.Ack);
    }

    [Fact]
    public void ThreeMissedIntervals_ReportLostOnce_ThenHeartbeatReportsRestored()
    {
        Send(StatusStates.Online);
        _clock.Advance(s_interval * 3 - TimeSpan.FromSeconds(1));
        var early = _receiver.SweepLostPanels();
        _clock.Advance(TimeSpan.FromSeconds(1));
        var lost = _receiver.SweepLostPanels();
        var again = _receiver.SweepLostPanels();
        var restored = Send(StatusStates.Heartbeat);

        Assert.Empty(early);
        Assert.Equal(("panel.lost", "heartbeats", "YC", "1356"), Describe(Assert.Single(lost)));
        Assert.Empty(again);
        Assert.Equal(("panel.restored", "heartbeat", "YK", "3356"), Describe(restored.Line!));
    }

    [Fact]
    public void NeverHeardPanel_IsLostAfterThreeIntervalsFromStationStart()
    {
        _clock.Advance(s_interval * 3);

        Assert.Equal("panel.lost", Describe(Assert.Single(_receiver.SweepLostPanels())).Type);
    }

    [Fact]
    public void WillOfTheCurrentSession_ArrivingLate_ReportsLost()
    {
        var will = Seal(StatusStates.Offline); // sealed at connect, as the panel hands it to the broker
        Send(StatusStates.Online);
        _clock.Advance(TimeSpan.FromMinutes(2)); // published by the broker when the link dies, long after sealing

        var outcome = _receiver.Receive($"panels/{Panel}/status", will);

        Assert.Equal(StationCounters.PanelLost, outcome.Reason);
        Assert.Equal(("panel.lost", "will", "YC", "1356"), Describe(outcome.Line!));
        Assert.True(_receiver.Supervision!.IsLost(Panel));
    }

    [Fact]
    public void WillOfAnEarlierSession_ReplayedAfterReconnect_IsIgnored()
    {
        var oldWill = Seal(StatusStates.Offline);
        _panel = MessageSealer.ForPanel(_panelKeys, new MemoryEpochs(), _clock); // the panel restarted: new session
        Send(StatusStates.Online);

        var outcome = _receiver.Receive($"panels/{Panel}/status", oldWill);

        Assert.Equal(StationCounters.StaleStatus, outcome.Reason);
        Assert.False(_receiver.Supervision!.IsLost(Panel));
    }

    [Fact]
    public void EventFromALostPanel_ReportsRestoredBeforeTheEvent()
    {
        _clock.Advance(s_interval * 3);
        _receiver.SweepLostPanels();
        var payload = new EventPayload(1, "alarm.intrusion", "hall", null, null, _clock.GetUtcNow(), "BA", "1130");

        var outcome = _receiver.Receive($"panels/{Panel}/events",
            _panel.Seal(Panel, TopicKind.Events, EventPayloadCodec.Encode(payload)));

        var lines = outcome.Line!.Split(Environment.NewLine);
        Assert.Equal(2, lines.Length);
        Assert.Equal("panel.restored", Describe(lines[0]).Type);
        using var json = JsonDocument.Parse(lines[1]);
        Assert.Equal("alarm.intrusion", json.RootElement.GetProperty("type").GetString());
        Assert.Equal(1, json.RootElement.GetProperty("seq").GetInt64());
    }

    [Fact]
    public void ForgedStatus_IsRejectedAndKeepsNobodyAlive()
    {
        var forged = Seal(StatusStates.Heartbeat);
        forged[^1] ^= 0x01;

        var outcome = _receiver.Receive($"panels/{Panel}/status", forged);
        _clock.Advance(s_interval * 3);

        Assert.Equal(nameof(OpenStatus.BadTag), outcome.Reason);
        Assert.Null(outcome.Ack);
        Assert.Single(_receiver.SweepLostPanels());
    }

    public void Dispose()
    {
        _store.Dispose();
        _signing.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public void Heartbeat_AccessLogHeadGoesBack_ReportsTheCutTailAndStillAcknowledges()
    {
        Send(StatusStates.Heartbeat, new AccessHeadPayload(40, 40, "h40"));
        _clock.Advance(s_interval);

        var outcome = Send(StatusStates.Heartbeat, new AccessHeadPayload(35, 35, "h35", 40, null));

        Assert.Equal(StationCounters.Heartbeat, outcome.Reason);
        Assert.NotNull(outcome.Ack);
        Assert.Equal(("panel.access-log-cut", "seq=35;was=40"), (Describe(outcome.Line!).Type, Describe(outcome.Line!).Detail));
    }

    private ReceiveOutcome Send(string state, AccessHeadPayload? access = null) =>
        _receiver.Receive($"panels/{Panel}/status", Seal(state, access));

    private byte[] Seal(string state, AccessHeadPayload? access = null) => _panel.Seal(Panel, TopicKind.Status,
        StatusPayloadCodec.Encode(new StatusPayload(state, _clock.GetUtcNow(), (int)s_interval.TotalSeconds, 0, access)));

    private static (string Type, string? Detail, string? Sia, string? Cid) Describe(string line)
    {
        using var json = JsonDocument.Parse(line);
        var root = json.RootElement;
        Assert.Equal(JsonValueKind.Null, root.GetProperty("seq").ValueKind);
        return (root.GetProperty("type").GetString()!, root.GetProperty("detail").GetString(),
            root.GetProperty("sia").GetString(), root.GetProperty("cid").GetString());
    }
}
