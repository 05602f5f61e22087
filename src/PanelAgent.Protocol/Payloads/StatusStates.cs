namespace PanelAgent.Protocol.Payloads;

/// <summary>The values of <see cref="StatusPayload.State"/>.</summary>
public static class StatusStates
{
    public const string Online = "online";
    public const string Heartbeat = "heartbeat";
    public const string Offline = "offline";

    public static bool IsKnown(string? state) => state is Online or Heartbeat or Offline;
}
