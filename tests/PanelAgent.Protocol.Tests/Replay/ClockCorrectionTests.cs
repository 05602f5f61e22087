using System.Security.Cryptography;
using Microsoft.Extensions.Time.Testing;
using PanelAgent.Protocol.Envelopes;
using PanelAgent.Protocol.Keys;
using PanelAgent.Protocol.Payloads;
using PanelAgent.Protocol.Replay;
using PanelAgent.Protocol.Sealing;
using PanelAgent.Protocol.Tests.Support;

namespace PanelAgent.Protocol.Tests.Replay;

/// <summary>
/// Issue 3 §4: a panel whose clock drifted outside the station's window is told the station's time and corrects its
/// offset, instead of being rejected forever. The panel and the station each have their own clock here.
/// </summary>
public sealed class ClockCorrectionTests : IDisposable
{
    private static readonly TimeSpan s_drift = TimeSpan.FromMinutes(5);
    private readonly FakeTimeProvider _stationClock = new(TestLink.Start);
    private readonly FakeTimeProvider _panelClock = new(TestLink.Start + s_drift);
    private readonly ECDsa _signing = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly MessageSealer _panelSealer;
    private readonly EnvelopeOpener _panelOpener;
    private readonly MessageSealer _stationSealer;
    private readonly EnvelopeOpener _stationOpener;

    public ClockCorrectionTests()
    {
        var panelKeys = new KeyRing();
        var stationKeys = new KeyRing();
        panelKeys.Add(KeyDerivation.DeriveKeySet(TestLink.MasterSecret, TestLink.PanelId, 1));
        stationKeys.Add(KeyDerivation.DeriveKeySet(TestLink.MasterSecret, TestLink.PanelId, 1));
        _panelSealer = MessageSealer.ForPanel(panelKeys, new InMemoryNonceEpochStore(), _panelClock);
        var sealer = _panelSealer;
        var stationPublic = ECDsa.Create();
        stationPublic.ImportSubjectPublicKeyInfo(_signing.ExportSubjectPublicKeyInfo(), out _);
        _panelOpener = EnvelopeOpener.ForPanel(
            panelKeys, new ReplayGuard(new OffsetClock(_panelClock, () => sealer.ClockOffset)), [stationPublic]);
        _stationSealer = MessageSealer.ForStation(stationKeys, new InMemoryNonceEpochStore(), _stationClock, _signing);
        _stationOpener = EnvelopeOpener.ForStation(stationKeys, new ReplayGuard(_stationClock));
    }

    [Fact]
    public void ReplyToOutOfWindowEvent_OpensAtThePanel_AndCorrectsItsOffset()
    {
        var rejected = _stationOpener.Open(Event(), TestLink.PanelId, TopicKind.Events);
        var reply = Reply(rejected);

        var opened = _panelOpener.Open(reply, TestLink.PanelId, TopicKind.Acks);
        Assert.Equal(OpenStatus.OutOfWindow, rejected.Status);
        Assert.Equal(OpenStatus.Accepted, opened.Status);
        Assert.True(AckPayloadCodec.TryDecode(opened.Payload, out var ack));
        _panelSealer.ClockOffset = ack!.StationTime - _panelClock.GetUtcNow();

        Assert.Equal(OpenStatus.Accepted, _stationOpener.Open(Event(), TestLink.PanelId, TopicKind.Events).Status);
    }

    [Fact]
    public void AfterCorrection_CommandsStampedWithStationTime_OpenAtThePanel()
    {
        var before = _panelOpener.Open(Command(), TestLink.PanelId, TopicKind.Commands);
        _panelSealer.ClockOffset = -s_drift;

        var after = _panelOpener.Open(Command(), TestLink.PanelId, TopicKind.Commands);

        Assert.Equal(OpenStatus.OutOfWindow, before.Status);
        Assert.Equal(OpenStatus.Accepted, after.Status);
    }

    [Fact]
    public void ReplyToAReplayedOldEvent_IsStampedInThePast_AndRejectedByThePanel()
    {
        var old = Event();
        _panelClock.Advance(TimeSpan.FromMinutes(2));
        _stationClock.Advance(TimeSpan.FromMinutes(2));

        var reply = Reply(_stationOpener.Open(old, TestLink.PanelId, TopicKind.Events));

        Assert.Equal(OpenStatus.OutOfWindow, _panelOpener.Open(reply, TestLink.PanelId, TopicKind.Acks).Status);
    }

    [Fact]
    public void SealReply_ForAnotherPanelsHeader_Throws()
    {
        var rejected = _stationOpener.Open(Event(), TestLink.PanelId, TopicKind.Events);

        Assert.Throws<ArgumentException>(() => _stationSealer.SealReply(
            TestLink.OtherPanelId, TopicKind.Acks, Ack(), rejected.Header!));
    }

    public void Dispose() => _signing.Dispose();

    private byte[] Event() => _panelSealer.Seal(TestLink.PanelId, TopicKind.Events, TestLink.Payload("{\"seq\":1}"));

    private byte[] Command() => _stationSealer.Seal(TestLink.PanelId, TopicKind.Commands, TestLink.Payload("{}"));

    private byte[] Ack() => AckPayloadCodec.Encode(new AckPayload([], _stationClock.GetUtcNow()));

    private byte[] Reply(OpenResult rejected) =>
        _stationSealer.SealReply(TestLink.PanelId, TopicKind.Acks, Ack(), rejected.Header!);
}
