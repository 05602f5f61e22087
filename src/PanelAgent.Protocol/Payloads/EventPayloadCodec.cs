using System.Text.Json;

namespace PanelAgent.Protocol.Payloads;

/// <summary>UTF-8 JSON for <see cref="EventPayload"/>, e.g. <c>{"seq":7,"kind":"alarm.intrusion","zone":"hall",...}</c>.</summary>
public static class EventPayloadCodec
{
    public static byte[] Encode(EventPayload payload) =>
        JsonSerializer.SerializeToUtf8Bytes(payload, ProtocolJsonContext.Default.EventPayload);

    /// <summary>
    /// Decodes an opened payload. It is authenticated by then, but a bug or a stolen key must still not crash the
    /// receiver: anything that is not an event payload is false.
    /// </summary>
    public static bool TryDecode(ReadOnlySpan<byte> utf8Json, out EventPayload? payload)
    {
        try
        {
            payload = JsonSerializer.Deserialize(utf8Json, ProtocolJsonContext.Default.EventPayload);
            return payload is { Kind.Length: > 0 };
        }
        catch (JsonException)
        {
            payload = null;
            return false;
        }
    }
}
