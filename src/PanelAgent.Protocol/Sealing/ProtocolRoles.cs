using PanelAgent.Protocol.Envelopes;

namespace PanelAgent.Protocol.Sealing;

/// <summary>The directions each role seals and opens.</summary>
internal static class ProtocolRoles
{
    public static Direction Seals(this ProtocolRole role) => role == ProtocolRole.Panel ? Direction.Uplink : Direction.Downlink;

    public static Direction Opens(this ProtocolRole role) => role == ProtocolRole.Panel ? Direction.Downlink : Direction.Uplink;
}
