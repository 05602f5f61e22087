namespace PanelAgent.Protocol.Envelopes;

/// <summary>Which way a message travels. Each direction has its own key (docs/protocol.md, "Keys").</summary>
public enum Direction
{
    /// <summary>Panel → station: events, images, status. Sealed with the panel's uplink key.</summary>
    Uplink,
    /// <summary>Station → panel: commands, acks. Sealed with the downlink key and signed by the station.</summary>
    Downlink,
}
