using System.Text.Json;

namespace PanelAgent.Protocol.Payloads;

/// <summary>UTF-8 JSON for <see cref="StatusPayload"/>, e.g. <c>{"state":"heartbeat","at":"…","intervalSeconds":60,"pending":0}</c>.</summary>
public static class StatusPayloadCodec
{
    public static byte[] Encode(StatusPayload payload) =>
        JsonSerializer.SerializeToUtf8Bytes(payload, ProtocolJsonContext.Default.StatusPayload);

    /// <summary>Decodes an opened payload; anything that is not a status of a known state is false, never an exception.</summary>
    public static bool TryDecode(ReadOnlySpan<byte> utf8Json, out StatusPayload? payload)
    {
        try
        {
            payload = JsonSerializer.Deserialize(utf8Json, ProtocolJsonContext.Default.StatusPayload);
            return payload is not null && StatusStates.IsKnown(payload.State) && payload.IntervalSeconds >= 0;
        }
        catch (JsonException)
        {
            payload = null;
            return false;
        }
    }
}
