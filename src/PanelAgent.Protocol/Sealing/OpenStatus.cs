namespace PanelAgent.Protocol.Sealing;

/// <summary>
/// The outcome of <see cref="EnvelopeOpener.Open"/>: accepted, or the first reason the message was rejected, in the
/// order the checks run (cheapest first). Receivers count these; none of them is an exception.
/// </summary>
public enum OpenStatus
{
    /// <summary>Authentic, fresh, not seen before: the payload may be acted on.</summary>
    Accepted,
    /// <summary>Too short or long, an undefined topic byte, a bad panel id, or lengths that do not add up.</summary>
    Malformed,
    /// <summary>A format version this build does not read.</summary>
    UnsupportedVersion,
    /// <summary>Not the topic it arrived on, or a direction this receiver does not open (a panel opens no uplink).</summary>
    WrongTopic,
    /// <summary>Not the panel the MQTT topic (or, on a panel, the panel itself) names.</summary>
    WrongPanel,
    /// <summary>No key with this id for this panel: never provisioned, or retired.</summary>
    UnknownKey,
    /// <summary>The GCM tag does not verify: altered, forged, moved, or sealed with another key.</summary>
    BadTag,
    /// <summary>Downlink only: the tag verifies but the station's signature does not (forged with a panel's keys).</summary>
    BadSignature,
    /// <summary>Authentic, but its timestamp is outside −40 s / +20 s of the receiver's clock (SIA DC-09 practice).</summary>
    OutOfWindow,
    /// <summary>Authentic and in the window, but its sequence number was already passed in its session.</summary>
    Replayed,
    /// <summary>A fault in this code while opening; counted separately so tests can insist there are none.</summary>
    Unexpected,
}
