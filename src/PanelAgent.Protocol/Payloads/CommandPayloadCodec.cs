using System.Text.Json;
using PanelAgent.Protocol.Envelopes;

namespace PanelAgent.Protocol.Payloads;

/// <summary>UTF-8 JSON for <see cref="CommandPayload"/>, e.g. <c>{"id":"c-17","command":"arm","mode":"away"}</c>.</summary>
public static class CommandPayloadCodec
{
    public static byte[] Encode(CommandPayload payload) =>
        JsonSerializer.SerializeToUtf8Bytes(payload, ProtocolJsonContext.Default.CommandPayload);

    /// <summary>
    /// Decodes an opened payload. A payload without a well-formed id or command is false (nothing to answer); an
    /// unknown command or bad argument decodes, so the panel can refuse it by its id.
    /// </summary>
    public static bool TryDecode(ReadOnlySpan<byte> utf8Json, out CommandPayload? payload)
    {
        try
        {
            payload = JsonSerializer.Deserialize(utf8Json, ProtocolJsonContext.Default.CommandPayload);
            return payload is { Id: not null, Command.Length: > 0 and <= 32 } && PanelIds.IsValid(payload.Id);
        }
        catch (JsonException)
        {
            payload = null;
            return false;
        }
    }
}
