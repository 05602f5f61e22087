using System.Buffers.Binary;
using System.Text;
using PanelAgent.Protocol.Sealing;

namespace PanelAgent.Protocol.Envelopes;

/// <summary>
/// Reads and length-checks an envelope before any cryptography, cheapest checks first, so garbage costs a few
/// comparisons. Nothing read here is trusted until the tag (and, downlink, the signature) has been verified.
/// </summary>
internal static class EnvelopeReader
{
    /// <summary>Parses the header; on failure <paramref name="failure"/> says why and the header is null.</summary>
    public static bool TryRead(ReadOnlySpan<byte> data, out EnvelopeHeader? header, out OpenStatus failure)
    {
        header = null;
        failure = CheckShape(data);
        if (failure != OpenStatus.Accepted)
        {
            return false;
        }

        var topic = (TopicKind)data[EnvelopeLayout.TopicOffset];
        int idLength = data[EnvelopeLayout.PanelIdLengthOffset];
        header = new EnvelopeHeader(
            data[EnvelopeLayout.VersionOffset],
            topic,
            BinaryPrimitives.ReadUInt32BigEndian(data[EnvelopeLayout.KeyIdOffset..]),
            Encoding.ASCII.GetString(data.Slice(EnvelopeLayout.PanelIdOffset, idLength)),
            BinaryPrimitives.ReadUInt64BigEndian(data[EnvelopeLayout.SequenceOffset(idLength)..]),
            BinaryPrimitives.ReadInt64BigEndian(data[EnvelopeLayout.TimestampOffset(idLength)..]),
            SessionNonce.ReadFrom(data[EnvelopeLayout.SessionOffset(idLength)..]));
        return true;
    }

    private static OpenStatus CheckShape(ReadOnlySpan<byte> data)
    {
        if (data.Length < EnvelopeLayout.MinLength || data.Length > EnvelopeLayout.MaxLength)
        {
            return OpenStatus.Malformed;
        }

        if (data[EnvelopeLayout.VersionOffset] != EnvelopeLayout.Version1)
        {
            return OpenStatus.UnsupportedVersion;
        }

        var topicByte = data[EnvelopeLayout.TopicOffset];
        int idLength = data[EnvelopeLayout.PanelIdLengthOffset];
        if (!Topics.IsDefined(topicByte) || idLength is 0 or > EnvelopeLayout.MaxPanelIdLength)
        {
            return OpenStatus.Malformed;
        }

        // The ciphertext is whatever lies between header and trailer; it must be whole padding blocks.
        var body = data.Length - EnvelopeLayout.HeaderLength(idLength) - EnvelopeLayout.TrailerLength((TopicKind)topicByte);
        if (body < EnvelopeLayout.PaddingBlock || body % EnvelopeLayout.PaddingBlock != 0)
        {
            return OpenStatus.Malformed;
        }

        return PanelIds.IsValid(data.Slice(EnvelopeLayout.PanelIdOffset, idLength))
            ? OpenStatus.Accepted
            : OpenStatus.Malformed;
    }
}
