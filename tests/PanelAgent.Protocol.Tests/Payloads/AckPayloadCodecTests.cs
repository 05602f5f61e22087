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

    [Theory]
    [InlineData("")]
    [InlineData("{}")]
    [InlineData("[1,2]")]
    [InlineData("{\"seqs\":\"x\"}")]
    [InlineData("\u0000\u0001")]
    public void TryDecode_NotAnAck_IsFalse(string text) =>
        Assert.False(AckPayloadCodec.TryDecode(Encoding.UTF8.GetBytes(text), out _));
}
