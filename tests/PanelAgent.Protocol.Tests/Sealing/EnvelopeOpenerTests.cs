using System.Buffers.Binary;
using System.Text;
using PanelAgent.Protocol.Envelopes;
using PanelAgent.Protocol.Keys;
using PanelAgent.Protocol.Replay;
using PanelAgent.Protocol.Sealing;
using PanelAgent.Protocol.Tests.Support;

namespace PanelAgent.Protocol.Tests.Sealing;

public class EnvelopeOpenerTests
{
    private static readonly int s_id = TestLink.PanelId.Length;
    private static readonly int s_sequenceOffset = 7 + s_id;
    private static readonly int s_timestampOffset = 15 + s_id;
    private static readonly int s_sessionOffset = 23 + s_id;
    private static readonly int s_headerLength = 35 + s_id;

    /// <summary>What flipping a byte at each place may yield: every one a rejection, each for its own reason.</summary>
    private static OpenStatus[] AllowedFor(int index, int length, bool downlink) => index switch
    {
        0 => [OpenStatus.UnsupportedVersion],
        1 => [OpenStatus.Malformed, OpenStatus.WrongTopic],
        < 6 => [OpenStatus.UnknownKey],
        6 => [OpenStatus.Malformed],
        _ when index < 7 + s_id => [OpenStatus.Malformed, OpenStatus.WrongPanel],
        _ when downlink && index >= length - 64 => [OpenStatus.BadSignature],
        _ => [OpenStatus.BadTag],
    };

    [Theory]
    [InlineData(TopicKind.Events, 0x01)]
    [InlineData(TopicKind.Events, 0x80)]
    [InlineData(TopicKind.Events, 0xFF)]
    [InlineData(TopicKind.Commands, 0x01)]
    [InlineData(TopicKind.Acks, 0xFF)]
    public void Open_AnyByteFlipped_IsRejectedForItsPlace(TopicKind topic, byte mask)
    {
        using var link = new TestLink();
        var downlink = topic.DirectionOf() == Direction.Downlink;
        var message = downlink ? link.Down(topic) : link.Up(topic);

        for (var i = 0; i < message.Length; i++)
        {
            var altered = (byte[])message.Clone();
            altered[i] ^= mask;

            var result = link.Deliver(altered, topic);

            Assert.Contains(result.Status, AllowedFor(i, message.Length, downlink));
            Assert.Null(result.Payload);
        }

        Assert.True(link.Deliver(message, topic).IsAccepted);
    }

    [Fact]
    public void Open_MovedToAnotherPanelWithTheSameKeys_FailsOnTheAssociatedData()
    {
        // Give a second panel the very same keys: only the associated data can then tell the two apart.
        using var link = new TestLink();
        var twinId = "villa-000X";
        var uplink = KeyDerivation.DeriveDirectionKey(TestLink.MasterSecret, Direction.Uplink, TestLink.PanelId, 1);
        var downlink = KeyDerivation.DeriveDirectionKey(TestLink.MasterSecret, Direction.Downlink, TestLink.PanelId, 1);
        link.StationKeys.Add(new KeySet(twinId, 1, uplink, downlink));
        var message = link.Up();
        Encoding.ASCII.GetBytes(twinId).CopyTo(message, 7);

        Assert.Equal(OpenStatus.BadTag, link.StationOpener.Open(message, twinId, TopicKind.Events).Status);
    }

    [Fact]
    public void Open_MovedToAnotherTopicOfTheSameDirection_FailsOnTheAssociatedData()
    {
        using var link = new TestLink();
        var message = link.Up(TopicKind.Events);
        message[1] = (byte)TopicKind.Status;

        Assert.Equal(OpenStatus.BadTag, link.StationOpener.Open(message, TestLink.PanelId, TopicKind.Status).Status);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(-1)]
    [InlineData(1000)]
    public void Open_SequenceRewritten_FailsAuthentication(long delta)
    {
        using var link = new TestLink();
        link.Up();
        var message = link.Up();
        var sequence = BinaryPrimitives.ReadUInt64BigEndian(message.AsSpan(s_sequenceOffset));
        BinaryPrimitives.WriteUInt64BigEndian(message.AsSpan(s_sequenceOffset), (ulong)((long)sequence + delta));

        Assert.Equal(OpenStatus.BadTag, link.StationOpener.Open(message, TestLink.PanelId, TopicKind.Events).Status);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(-5_000)]
    [InlineData(10_000)]
    public void Open_TimestampRewrittenInsideTheWindow_FailsAuthentication(long deltaMs)
    {
        using var link = new TestLink();
        var message = link.Up();
        var timestamp = BinaryPrimitives.ReadInt64BigEndian(message.AsSpan(s_timestampOffset));
        BinaryPrimitives.WriteInt64BigEndian(message.AsSpan(s_timestampOffset), timestamp + deltaMs);

        Assert.Equal(OpenStatus.BadTag, link.StationOpener.Open(message, TestLink.PanelId, TopicKind.Events).Status);
    }

    [Fact]
    public void Open_SessionNonceRewritten_FailsAuthentication()
    {
        using var link = new TestLink();
        var message = link.Up();
        message[s_sessionOffset + 11] ^= 1;

        Assert.Equal(OpenStatus.BadTag, link.StationOpener.Open(message, TestLink.PanelId, TopicKind.Events).Status);
    }

    [Fact]
    public void Open_ArrivedOnAnotherPanelsTopic_IsWrongPanel()
    {
        using var link = new TestLink();

        var result = link.StationOpener.Open(link.Up(), TestLink.OtherPanelId, TopicKind.Events);

        Assert.Equal(OpenStatus.WrongPanel, result.Status);
    }

    [Fact]
    public void Open_ArrivedOnAnotherTopic_IsWrongTopic()
    {
        using var link = new TestLink();

        var result = link.StationOpener.Open(link.Up(TopicKind.Events), TestLink.PanelId, TopicKind.Status);

        Assert.Equal(OpenStatus.WrongTopic, result.Status);
    }

    [Fact]
    public void Open_UplinkMessageAtThePanel_IsWrongTopic()
    {
        // A panel never opens uplink, even its own messages reflected back by the broker.
        using var link = new TestLink();

        var result = link.PanelOpener.Open(link.Up(TopicKind.Events), TestLink.PanelId, TopicKind.Events);

        Assert.Equal(OpenStatus.WrongTopic, result.Status);
    }

    [Fact]
    public void Open_UnknownKeyId_IsRejected()
    {
        using var link = new TestLink();
        var message = link.Up();
        BinaryPrimitives.WriteUInt32BigEndian(message.AsSpan(2), 77);

        Assert.Equal(OpenStatus.UnknownKey, link.StationOpener.Open(message, TestLink.PanelId, TopicKind.Events).Status);
    }

    [Fact]
    public void Open_PanelTheStationHasNoKeysFor_IsUnknownKey()
    {
        using var link = new TestLink();
        using var stranger = new TestLink();
        var foreign = MessageSealer.ForPanel(stranger.PanelKeys, new InMemoryNonceEpochStore(), stranger.Time);
        var station = EnvelopeOpener.ForStation(new KeyRing(), new ReplayGuard(link.Time));

        var result = station.Open(foreign.Seal(TestLink.PanelId, TopicKind.Events, [1]), TestLink.PanelId, TopicKind.Events);

        Assert.Equal(OpenStatus.UnknownKey, result.Status);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(44)]
    [InlineData(45)]
    [InlineData(300)]
    [InlineData(316)]
    public void Open_Truncated_IsMalformed(int length)
    {
        using var link = new TestLink();

        var result = link.StationOpener.Open(link.Up().AsSpan(0, length), TestLink.PanelId, TopicKind.Events);

        Assert.Equal(OpenStatus.Malformed, result.Status);
    }

    [Fact]
    public void Open_LongerThanAnyEnvelope_IsMalformedBeforeAnyWork()
    {
        using var link = new TestLink();
        var huge = new byte[EnvelopeLayout.MaxLength + 1];
        huge[0] = 1;

        Assert.Equal(OpenStatus.Malformed, link.StationOpener.Open(huge, TestLink.PanelId, TopicKind.Events).Status);
    }

    [Fact]
    public void Open_Rejected_HidesTheUnauthenticatedHeaderButGivesTheReceiverTime()
    {
        using var link = new TestLink();
        var message = link.Up();
        message[^1] ^= 1;

        var result = link.StationOpener.Open(message, TestLink.PanelId, TopicKind.Events);

        Assert.Null(result.Header);
        Assert.Equal(TestLink.Start, result.ReceiverTime);
    }

    [Fact]
    public void Open_HeaderLengthIsTheAssociatedData()
    {
        using var link = new TestLink();

        var header = link.StationOpener.Open(link.Up(), TestLink.PanelId, TopicKind.Events).Header!;

        Assert.Equal(s_headerLength, header.Length);
    }
}
