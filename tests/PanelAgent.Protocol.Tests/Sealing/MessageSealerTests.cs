using System.Buffers.Binary;
using System.Text;
using PanelAgent.Protocol.Envelopes;
using PanelAgent.Protocol.Sealing;
using PanelAgent.Protocol.Tests.Support;

namespace PanelAgent.Protocol.Tests.Sealing;

public class MessageSealerTests
{
    [Theory]
    [InlineData(TopicKind.Events)]
    [InlineData(TopicKind.Images)]
    [InlineData(TopicKind.Status)]
    [InlineData(TopicKind.Commands)]
    [InlineData(TopicKind.Acks)]
    public void Seal_EveryTopic_RoundTripsToTheOtherEnd(TopicKind topic)
    {
        using var link = new TestLink();
        var text = "{\"seq\":42,\"kind\":\"alarm.intrusion\",\"zone\":\"hall\"}";
        var message = topic.DirectionOf() == Direction.Uplink ? link.Up(topic, text) : link.Down(topic, text);

        var result = link.Deliver(message, topic);

        Assert.Equal(OpenStatus.Accepted, result.Status);
        Assert.Equal(text, Encoding.UTF8.GetString(result.Payload!));
        Assert.Equal(topic, result.Header!.Topic);
        Assert.Equal(TestLink.PanelId, result.Header.PanelId);
    }

    [Fact]
    public void Seal_EmptyAndLargePayloads_RoundTrip()
    {
        using var link = new TestLink();
        var large = new byte[300_000];
        new Random(7).NextBytes(large);

        var empty = link.StationOpener.Open(link.PanelSealer.Seal(TestLink.PanelId, TopicKind.Status, []), TestLink.PanelId, TopicKind.Status);
        var image = link.StationOpener.Open(link.PanelSealer.Seal(TestLink.PanelId, TopicKind.Images, large), TestLink.PanelId, TopicKind.Images);

        Assert.Empty(empty.Payload!);
        Assert.Equal(large, image.Payload);
    }

    [Fact]
    public void Seal_Uplink_WritesTheDocumentedLayout()
    {
        using var link = new TestLink();
        var message = link.Up(TopicKind.Events, "x");
        var id = TestLink.PanelId.Length;

        Assert.Equal(1, message[0]);
        Assert.Equal((byte)TopicKind.Events, message[1]);
        Assert.Equal(1u, BinaryPrimitives.ReadUInt32BigEndian(message.AsSpan(2)));
        Assert.Equal(id, message[6]);
        Assert.Equal(TestLink.PanelId, Encoding.ASCII.GetString(message, 7, id));
        Assert.Equal(1ul, BinaryPrimitives.ReadUInt64BigEndian(message.AsSpan(7 + id)));
        Assert.Equal(TestLink.Start.ToUnixTimeMilliseconds(), BinaryPrimitives.ReadInt64BigEndian(message.AsSpan(15 + id)));
        Assert.Equal(link.PanelSealer.Session.Epoch, BinaryPrimitives.ReadUInt32BigEndian(message.AsSpan(23 + id)));
        Assert.Equal(35 + id + 256 + 16, message.Length);
    }

    [Fact]
    public void Seal_Downlink_AppendsA64ByteSignature()
    {
        using var link = new TestLink();

        var message = link.Down(TopicKind.Acks, "x");

        Assert.Equal(35 + TestLink.PanelId.Length + 256 + 16 + 64, message.Length);
    }

    [Fact]
    public void Seal_PayloadsOfDifferentKinds_HaveTheSameLength()
    {
        // The broker must not tell an alarm from a disarm by the ciphertext length.
        using var link = new TestLink();

        var alarm = link.Up(TopicKind.Events, "{\"seq\":9,\"kind\":\"alarm.intrusion\",\"zone\":\"living-room\",\"sia\":\"BA\"}");
        var disarm = link.Up(TopicKind.Events, "{\"seq\":10,\"kind\":\"disarmed\",\"user\":2,\"sia\":\"OP\"}");

        Assert.Equal(alarm.Length, disarm.Length);
    }

    [Fact]
    public void Seal_SamePayloadTwice_DiffersInSequenceAndCiphertext()
    {
        using var link = new TestLink();

        var first = link.Up();
        var second = link.Up();

        Assert.Equal(2ul, link.StationOpener.Open(second, TestLink.PanelId, TopicKind.Events).Header!.Sequence);
        Assert.NotEqual(first.AsSpan(45).ToArray(), second.AsSpan(45).ToArray());
    }

    [Theory]
    [InlineData(TopicKind.Commands)]
    [InlineData(TopicKind.Acks)]
    public void Seal_PanelSealingADownlinkTopic_Throws(TopicKind topic)
    {
        using var link = new TestLink();

        Assert.Throws<ArgumentException>(() => link.PanelSealer.Seal(TestLink.PanelId, topic, [1]));
    }

    [Theory]
    [InlineData(TopicKind.Events)]
    [InlineData(TopicKind.Status)]
    public void Seal_StationSealingAnUplinkTopic_Throws(TopicKind topic)
    {
        using var link = new TestLink();

        Assert.Throws<ArgumentException>(() => link.StationSealer.Seal(TestLink.PanelId, topic, [1]));
    }

    [Theory]
    [InlineData("")]
    [InlineData("villa/0001")]
    [InlineData("villa+")]
    [InlineData("villa#")]
    [InlineData("Ola Nordmann")]
    public void Seal_InvalidPanelId_Throws(string panelId)
    {
        using var link = new TestLink();

        Assert.Throws<ArgumentException>(() => link.PanelSealer.Seal(panelId, TopicKind.Events, [1]));
    }

    [Fact]
    public void Seal_PanelWithoutKeys_Throws()
    {
        using var link = new TestLink();

        Assert.Throws<InvalidOperationException>(() => link.PanelSealer.Seal("villa-9999", TopicKind.Events, [1]));
    }
}
