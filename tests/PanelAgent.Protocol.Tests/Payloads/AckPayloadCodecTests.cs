using System.Text;
using PanelAgent.Protocol.Payloads;

namespace PanelAgent.Protocol.Tests.Payloads;

public class AckPayloadCodecTests
{
    [Fact]
    public void Encode_ThenDecode_RoundTrips()
    {
        var ack = new AckPayload([7, 8, 12], new DateTimeOffset(2026, 1, 5, 8, 0, 0, TimeSpan.Zero));

        Assert.True(AckPayloadCodec.TryDecode(AckPayloadCodec.Encode(ack), out var decoded));

        Assert.Equal(ack.Seqs, decoded!.Seqs);
        Assert.Equal(ack.StationTime, decoded.StationTime);
    }

    [Fact]
    public void Encode_EventAck_LeavesImagesOutOfTheJson()
    {
        var json = Encoding.UTF8.GetString(AckPayloadCodec.Encode(new AckPayload([7], DateTimeOffset.UnixEpoch)));

        Assert.DoesNotContain("images", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Encode_ImageAck_RoundTripsTheImageIds()
    {
        var ack = new AckPayload([], DateTimeOffset.UnixEpoch, [41, 42]);

        Assert.True(AckPayloadCodec.TryDecode(AckPayloadCodec.Encode(ack), out var decoded));

        Assert.Empty(decoded!.Seqs);
        Assert.Equal([41L, 42L], decoded.Images);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{}")]
    [InlineData("[1,2]")]
    [InlineData("{\"seqs\":\"x\"}")]
    [InlineData("\u0000\u0001")]
    public void TryDecode_NotAnAck_IsFalse(string text) =>
        Assert.False(AckPayloadCodec.TryDecode(Encoding.UTF8.GetBytes(text), out _));
}
