using System.Security.Cryptography;
using PanelAgent.Protocol.Envelopes;
using PanelAgent.Protocol.Keys;
using PanelAgent.Protocol.Sealing;
using PanelAgent.Protocol.Tests.Support;

namespace PanelAgent.Protocol.Tests.Sealing;

/// <summary>
/// Issue 3 §2: "a panel's key cannot forge ... commands to itself". The attacker here holds everything a panel holds
/// (both its symmetric keys and the station's public key), e.g. from a stolen panel or a leaked backup, and tries to
/// make a command or an ack that panel would accept.
/// </summary>
public class DownlinkForgeryTests
{
    [Theory]
    [InlineData(TopicKind.Commands)]
    [InlineData(TopicKind.Acks)]
    public void Open_DownlinkSealedWithThePanelsKeysAndAnotherSigningKey_IsBadSignature(TopicKind topic)
    {
        using var link = new TestLink();
        using var attackerKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var forger = MessageSealer.ForStation(link.PanelKeys, new InMemoryNonceEpochStore(), link.Time, attackerKey);

        var forged = forger.Seal(TestLink.PanelId, topic, TestLink.Payload("{\"command\":\"disarm\"}"));

        Assert.Equal(OpenStatus.BadSignature, link.PanelOpener.Open(forged, TestLink.PanelId, topic).Status);
    }

    [Fact]
    public void Open_DownlinkSealedWithThePanelsUplinkKey_IsBadTag()
    {
        using var link = new TestLink();
        using var attackerKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var uplink = KeyDerivation.DeriveDirectionKey(TestLink.MasterSecret, Direction.Uplink, TestLink.PanelId, 1);
        var swapped = new KeyRing();
        swapped.Add(new KeySet(TestLink.PanelId, 1, uplinkKey: new byte[32], downlinkKey: uplink));
        var forger = MessageSealer.ForStation(swapped, new InMemoryNonceEpochStore(), link.Time, attackerKey);

        var forged = forger.Seal(TestLink.PanelId, TopicKind.Commands, TestLink.Payload("{\"command\":\"disarm\"}"));

        Assert.Equal(OpenStatus.BadTag, link.PanelOpener.Open(forged, TestLink.PanelId, TopicKind.Commands).Status);
    }

    [Fact]
    public void Open_PanelsOwnEventRelabelledAsACommand_IsRejected()
    {
        using var link = new TestLink();
        var message = link.Up(TopicKind.Events);
        message[1] = (byte)TopicKind.Commands;
        var withSignatureRoom = message.Concat(new byte[64]).ToArray();

        var result = link.PanelOpener.Open(withSignatureRoom, TestLink.PanelId, TopicKind.Commands);

        Assert.Equal(OpenStatus.BadTag, result.Status);
    }

    [Fact]
    public void Open_DownlinkWithItsSignatureReplaced_IsBadSignature()
    {
        using var link = new TestLink();
        using var attackerKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var message = link.Down(TopicKind.Commands);
        attackerKey.SignData(message.AsSpan(0, message.Length - 64), HashAlgorithmName.SHA256).CopyTo(message, message.Length - 64);

        Assert.Equal(OpenStatus.BadSignature, link.PanelOpener.Open(message, TestLink.PanelId, TopicKind.Commands).Status);
    }

    [Fact]
    public void Open_DownlinkWithItsSignatureStripped_IsMalformed()
    {
        using var link = new TestLink();
        var message = link.Down(TopicKind.Acks);

        var result = link.PanelOpener.Open(message.AsSpan(0, message.Length - 64), TestLink.PanelId, TopicKind.Acks);

        Assert.Equal(OpenStatus.Malformed, result.Status);
    }

    [Fact]
    public void Open_CommandForAnotherPanel_IsRejectedByThisPanel()
    {
        using var link = new TestLink();
        var other = link.StationSealer.Seal(TestLink.OtherPanelId, TopicKind.Commands, TestLink.Payload("{}"));

        Assert.Equal(OpenStatus.WrongPanel, link.PanelOpener.Open(other, TestLink.PanelId, TopicKind.Commands).Status);
    }

    [Fact]
    public void Open_GenuineStationCommand_IsAccepted()
    {
        using var link = new TestLink();

        Assert.True(link.PanelOpener.Open(link.Down(), TestLink.PanelId, TopicKind.Commands).IsAccepted);
    }

    [Fact]
    public void ForPanel_WithoutAStationKey_Throws()
    {
        using var link = new TestLink();

        Assert.Throws<ArgumentException>(() =>
            EnvelopeOpener.ForPanel(link.PanelKeys, new Protocol.Replay.ReplayGuard(link.Time), []));
    }
}
