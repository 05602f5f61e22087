namespace PanelAgent.Transport;

/// <summary>The topic names of issue 3 §1. The Mosquitto ACL in hardware/mosquitto/ grants exactly these per panel.</summary>
public static class PanelTopics
{
    public static string Events(string panelId) => $"panels/{panelId}/events";

    public static string Images(string panelId) => $"panels/{panelId}/images";

    /// <summary>Retained; the last will sets it to offline.</summary>
    public static string Status(string panelId) => $"panels/{panelId}/status";

    public static string Commands(string panelId) => $"panels/{panelId}/commands";

    public static string Acks(string panelId) => $"panels/{panelId}/acks";
}
