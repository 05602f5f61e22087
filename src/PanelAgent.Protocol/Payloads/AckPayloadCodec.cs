using System.Text.Json;

namespace PanelAgent.Protocol.Payloads;

/// <summary>UTF-8 JSON for <see cref="AckPayload"/>, e.g. <c>{"seqs":[7,8],"stationTime":"..."}</c>.</summary>
public static class AckPayloadCodec
{
    public static byte[] Encode(AckPayload payload) =>
        JsonSerializer.SerializeToUtf8Bytes(payload, ProtocolJsonContext.Default.AckPayload);

    /// <summary>Decodes an opened payload; anything that is not an acknowledgement is false, never an exception.</summary>
    public static bool TryDecode(ReadOnlySpan<byte> utf8Json, out AckPayload? payload)
    {
        try
        {
            payload = JsonSerializer.Deserialize(utf8Json, ProtocolJsonContext.Default.AckPayload);
            return payload is { Seqs: not null };
        }
        catch (JsonException)
        {
            payload = null;
            return false;
        }
    }
}
