namespace PanelAgent.Protocol.Sealing;

/// <summary>Which end of the link a sealer or opener serves. A panel seals uplink and opens downlink; a station the reverse.</summary>
public enum ProtocolRole
{
    Panel,
    Station,
}
