using System.Buffers.Binary;
using PanelAgent.Protocol.Envelopes;

namespace PanelAgent.Protocol.Sealing;

/// <summary>
/// Plaintext framing of format version 1: a 4-byte big-endian payload length, the payload, zeros up to a whole number
/// of 256-byte blocks. Without it the ciphertext length would tell a broker "alarm.intrusion" from "disarmed".
/// </summary>
internal static class PlaintextPadding
{
    private const int LengthPrefix = 4;

    /// <summary>Writes the framed payload; <paramref name="padded"/> is exactly <see cref="EnvelopeLayout.PaddedLength"/> long.</summary>
    public static void Write(ReadOnlySpan<byte> payload, Span<byte> padded)
    {
        BinaryPrimitives.WriteUInt32BigEndian(padded, (uint)payload.Length);
        payload.CopyTo(padded[LengthPrefix..]);
        padded[(LengthPrefix + payload.Length)..].Clear();
    }

    /// <summary>Reads the payload back; false unless the length fits, no block is spare and the padding is zero.</summary>
    public static bool TryRead(ReadOnlySpan<byte> padded, out byte[]? payload)
    {
        payload = null;
        var length = BinaryPrimitives.ReadUInt32BigEndian(padded);
        if (length > EnvelopeLayout.MaxPayloadBytes || EnvelopeLayout.PaddedLength((int)length) != padded.Length)
        {
            return false;
        }

        var end = LengthPrefix + (int)length;
        if (padded[end..].ContainsAnyExcept((byte)0))
        {
            return false;
        }

        payload = padded[LengthPrefix..end].ToArray();
        return true;
    }
}
