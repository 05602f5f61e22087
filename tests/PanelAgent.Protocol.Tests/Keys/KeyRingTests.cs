using PanelAgent.Protocol.Envelopes;
using PanelAgent.Protocol.Keys;
using PanelAgent.Protocol.Replay;
using PanelAgent.Protocol.Sealing;
using PanelAgent.Protocol.Tests.Support;

namespace PanelAgent.Protocol.Tests.Keys;

public class KeyRingTests
{
    [Fact]
    public void Rotation_NewKeySeals_OldMessagesStillOpen()
    {
        using var link = new TestLink();
        var beforeRotation = link.Up();
        link.StationKeys.Add(KeyDerivation.DeriveKeySet(TestLink.MasterSecret, TestLink.PanelId, 2));
        link.PanelKeys.Add(KeyDerivation.DeriveKeySet(TestLink.MasterSecret, TestLink.PanelId, 2));

        var afterRotation = link.Up();
        var oldResult = link.StationOpener.Open(beforeRotation, TestLink.PanelId, TopicKind.Events);
        var newResult = link.StationOpener.Open(afterRotation, TestLink.PanelId, TopicKind.Events);

        Assert.Equal(1u, oldResult.Header!.KeyId);
        Assert.Equal(2u, newResult.Header!.KeyId);
        Assert.True(oldResult.IsAccepted);
        Assert.True(newResult.IsAccepted);
    }

    [Fact]
    public void Retire_OldKey_ItsMessagesNoLongerOpen()
    {
        using var link = new TestLink();
        var underOldKey = link.Up();
        link.StationKeys.Add(KeyDerivation.DeriveKeySet(TestLink.MasterSecret, TestLink.PanelId, 2));

        Assert.True(link.StationKeys.Retire(TestLink.PanelId, 1));
        var result = link.StationOpener.Open(underOldKey, TestLink.PanelId, TopicKind.Events);

        Assert.Equal(OpenStatus.UnknownKey, result.Status);
    }

    [Fact]
    public void Add_LowerKeyId_DoesNotBecomeCurrent()
    {
        var ring = new KeyRing();
        ring.Add(KeyDerivation.DeriveKeySet(TestLink.MasterSecret, TestLink.PanelId, 5));
        ring.Add(KeyDerivation.DeriveKeySet(TestLink.MasterSecret, TestLink.PanelId, 3));

        Assert.Equal(5u, ring.CurrentFor(TestLink.PanelId).KeyId);
    }

    [Fact]
    public void Retire_CurrentKey_HighestRemainingBecomesCurrent()
    {
        var ring = new KeyRing();
        ring.Add(KeyDerivation.DeriveKeySet(TestLink.MasterSecret, TestLink.PanelId, 1));
        ring.Add(KeyDerivation.DeriveKeySet(TestLink.MasterSecret, TestLink.PanelId, 2));

        ring.Retire(TestLink.PanelId, 2);

        Assert.Equal(1u, ring.CurrentFor(TestLink.PanelId).KeyId);
    }

    [Fact]
    public void CurrentFor_LastKeyRetired_Throws()
    {
        var ring = new KeyRing();
        ring.Add(KeyDerivation.DeriveKeySet(TestLink.MasterSecret, TestLink.PanelId, 1));

        ring.Retire(TestLink.PanelId, 1);

        Assert.Throws<InvalidOperationException>(() => ring.CurrentFor(TestLink.PanelId));
        Assert.False(ring.Retire(TestLink.PanelId, 1));
    }

    [Fact]
    public void TryGet_KeysArePerPanel()
    {
        var ring = new KeyRing();
        ring.Add(KeyDerivation.DeriveKeySet(TestLink.MasterSecret, TestLink.PanelId, 1));

        Assert.True(ring.TryGet(TestLink.PanelId, 1, out _));
        Assert.False(ring.TryGet(TestLink.OtherPanelId, 1, out _));
    }

    [Fact]
    public void Open_OtherPanelsKeyWithThisPanelsId_IsBadTag()
    {
        // Panel 2 seals a message claiming to be panel 1, under the same key id: its key is not panel 1's.
        using var link = new TestLink();
        var impostorKeys = new KeyRing();
        var uplink = KeyDerivation.DeriveDirectionKey(TestLink.MasterSecret, Direction.Uplink, TestLink.OtherPanelId, 1);
        var downlink = KeyDerivation.DeriveDirectionKey(TestLink.MasterSecret, Direction.Downlink, TestLink.OtherPanelId, 1);
        impostorKeys.Add(new KeySet(TestLink.PanelId, 1, uplink, downlink));
        var impostor = MessageSealer.ForPanel(impostorKeys, new InMemoryNonceEpochStore(), link.Time);
        var station = EnvelopeOpener.ForStation(link.StationKeys, new ReplayGuard(link.Time));

        var result = station.Open(impostor.Seal(TestLink.PanelId, TopicKind.Events, [1]), TestLink.PanelId, TopicKind.Events);

        Assert.Equal(OpenStatus.BadTag, result.Status);
    }
}
