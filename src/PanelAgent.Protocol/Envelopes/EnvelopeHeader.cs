namespace PanelAgent.Protocol.Envelopes;

/// <summary>
/// The clear-text header of a sealed message. Every byte of it is the AEAD's associated data (and, downlink, under
/// the station's signature), so none of it can be changed without the message failing to open.
/// </summary>
/// <param name="Version">Format version; 1.</param>
/// <param name="Topic">The topic the sender published on; must match the topic it arrives on.</param>
/// <param name="KeyId">Which key of the <see cref="Keys.KeyRing"/> sealed it (rotation).</param>
/// <param name="PanelId">The panel the message is from (uplink) or for (downlink).</param>
/// <param name="Sequence">Message number within the sender's session, from 1, strictly increasing.</param>
/// <param name="TimestampUnixMs">The sender's UTC clock when sealing, Unix milliseconds.</param>
/// <param name="Session">The sender's session nonce: epoch and random salt.</param>
public sealed record EnvelopeHeader(
    byte Version, TopicKind Topic, uint KeyId, string PanelId, ulong Sequence, long TimestampUnixMs, SessionNonce Session)
{
    /// <summary>Which way the message travels, from its topic.</summary>
    public Direction Direction => Topic.DirectionOf();

    /// <summary>Bytes of the header on the wire.</summary>
    public int Length => EnvelopeLayout.HeaderLength(PanelId.Length);
}
