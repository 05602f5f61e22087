namespace PanelAgent.Protocol.Envelopes;

/// <summary>
/// The MQTT topic a sealed message belongs to (issue 3 §1: <c>panels/{id}/&lt;topic&gt;</c>). The numeric value is the
/// byte on the wire, so values are never renumbered.
/// </summary>
public enum TopicKind : byte
{
    /// <summary><c>events</c>: panel → station, one persisted event per message.</summary>
    Events = 1,
    /// <summary><c>images</c>: panel → station, verification pictures of one alarm (P1, P2).</summary>
    Images = 2,
    /// <summary><c>status</c>: panel → station, heartbeats and the retained online/offline state.</summary>
    Status = 3,
    /// <summary><c>commands</c>: station → panel.</summary>
    Commands = 4,
    /// <summary><c>acks</c>: station → panel, the end-to-end acknowledgements the outbox waits for.</summary>
    Acks = 5,
}
