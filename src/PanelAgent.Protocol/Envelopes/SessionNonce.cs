using System.Buffers.Binary;

namespace PanelAgent.Protocol.Envelopes;

/// <summary>
/// The 12-byte session nonce carried by every envelope: the sender's boot epoch (persisted before use) and 64 random
/// bits drawn at the start of the session. The AEAD key of a message is derived from it, the GCM IV from the sequence
/// number; see docs/protocol.md, "Nonces".
/// </summary>
/// <param name="Epoch">Boot epoch from <see cref="Sealing.INonceEpochStore"/>: different after every crash.</param>
/// <param name="Salt">Random per session: different after a restore that rolled the epoch back.</param>
public readonly record struct SessionNonce(uint Epoch, ulong Salt)
{
    /// <summary>Bytes on the wire.</summary>
    public const int Size = 12;

    /// <summary>Writes epoch then salt, big-endian.</summary>
    public void WriteTo(Span<byte> destination)
    {
        BinaryPrimitives.WriteUInt32BigEndian(destination, Epoch);
        BinaryPrimitives.WriteUInt64BigEndian(destination[4..], Salt);
    }

    /// <summary>Reads what <see cref="WriteTo"/> wrote.</summary>
    public static SessionNonce ReadFrom(ReadOnlySpan<byte> source) =>
        new(BinaryPrimitives.ReadUInt32BigEndian(source), BinaryPrimitives.ReadUInt64BigEndian(source[4..]));
}
