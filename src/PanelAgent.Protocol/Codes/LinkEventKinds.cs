namespace PanelAgent.Protocol.Codes;

/// <summary>Event kinds the link itself produces (issue 3 §4), beside Core's vocabulary.</summary>
public static class LinkEventKinds
{
    /// <summary>The periodic supervision message: the SIA/CID periodic test report.</summary>
    public const string Heartbeat = "heartbeat";

    /// <summary>Station side: no heartbeat for three intervals, or the panel's last will (offline).</summary>
    public const string PanelLost = "panel.lost";

    /// <summary>Station side: a lost panel was heard from again.</summary>
    public const string PanelRestored = "panel.restored";
}
