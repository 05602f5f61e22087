namespace PanelAgent.Protocol.Envelopes;

/// <summary>
/// Byte layout of format version 1 (big-endian; the table is in docs/protocol.md):
/// <c>version(1) topic(1) keyId(4) panelIdLength(1) panelId(L) sequence(8) timestamp(8) session(12)</c>, then the
/// ciphertext (the padded plaintext), the 16-byte GCM tag and, downlink only, a 64-byte ECDSA P-256 signature.
/// </summary>
public static class EnvelopeLayout
{
    public const byte Version1 = 1;
    public const int VersionOffset = 0;
    public const int TopicOffset = 1;
    public const int KeyIdOffset = 2;
    public const int PanelIdLengthOffset = 6;
    public const int PanelIdOffset = 7;
    public const int MaxPanelIdLength = 64;

    /// <summary>Header bytes other than the panel id: 1 + 1 + 4 + 1 + 8 + 8 + 12.</summary>
    public const int FixedHeaderBytes = 35;

    /// <summary>GCM tag: the full 128 bits (NIST SP 800-38D §5.2.1.2 allows shorter; we do not).</summary>
    public const int TagSize = 16;

    /// <summary>ECDSA P-256 signature as r ‖ s (IEEE P1363), downlink only.</summary>
    public const int SignatureSize = 64;

    /// <summary>Plaintexts are padded to a multiple of this, so the ciphertext length does not tell event kinds apart.</summary>
    public const int PaddingBlock = 256;

    /// <summary>Largest payload a message carries (an image burst is split by the transport above this).</summary>
    public const int MaxPayloadBytes = 4 * 1024 * 1024;

    /// <summary>The smallest well-formed envelope: one-character panel id, one padding block, tag, no signature.</summary>
    public static int MinLength => HeaderLength(1) + PaddingBlock + TagSize;

    /// <summary>The largest well-formed envelope; anything longer is rejected before any work.</summary>
    public static int MaxLength => HeaderLength(MaxPanelIdLength) + PaddedLength(MaxPayloadBytes) + TagSize + SignatureSize;

    public static int HeaderLength(int panelIdLength) => FixedHeaderBytes + panelIdLength;

    public static int SequenceOffset(int panelIdLength) => PanelIdOffset + panelIdLength;

    public static int TimestampOffset(int panelIdLength) => SequenceOffset(panelIdLength) + 8;

    public static int SessionOffset(int panelIdLength) => TimestampOffset(panelIdLength) + 8;

    /// <summary>Bytes after the ciphertext: the tag, and the signature on downlink topics.</summary>
    public static int TrailerLength(TopicKind topic) =>
        TagSize + (topic.DirectionOf() == Direction.Downlink ? SignatureSize : 0);

    /// <summary>4-byte length prefix plus payload, rounded up to a whole number of padding blocks.</summary>
    public static int PaddedLength(int payloadLength) =>
        (payloadLength + 4 + PaddingBlock - 1) / PaddingBlock * PaddingBlock;
}
