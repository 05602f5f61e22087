using System.Buffers.Binary;
using System.Text;

namespace PanelAgent.Protocol.Envelopes;

/// <summary>Writes the clear-text header of format version 1 (<see cref="EnvelopeLayout"/>).</summary>
internal static class EnvelopeWriter
{
    /// <summary>Writes <paramref name="header"/> at the start of <paramref name="destination"/>; returns its length.</summary>
    public static int WriteHeader(EnvelopeHeader header, Span<byte> destination)
    {
        var idLength = header.PanelId.Length;
        destination[EnvelopeLayout.VersionOffset] = header.Version;
        destination[EnvelopeLayout.TopicOffset] = (byte)header.Topic;
        BinaryPrimitives.WriteUInt32BigEndian(destination[EnvelopeLayout.KeyIdOffset..], header.KeyId);
        destination[EnvelopeLayout.PanelIdLengthOffset] = (byte)idLength;
        Encoding.ASCII.GetBytes(header.PanelId, destination.Slice(EnvelopeLayout.PanelIdOffset, idLength));
        BinaryPrimitives.WriteUInt64BigEndian(destination[EnvelopeLayout.SequenceOffset(idLength)..], header.Sequence);
        BinaryPrimitives.WriteInt64BigEndian(destination[EnvelopeLayout.TimestampOffset(idLength)..], header.TimestampUnixMs);
        header.Session.WriteTo(destination[EnvelopeLayout.SessionOffset(idLength)..]);
        return header.Length;
    }
}
