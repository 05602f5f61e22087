namespace PanelAgent.Protocol.Codes;

/// <summary>Event kinds the link itself produces (issue 3 §4), beside Core's vocabulary.</summary>
public static class LinkEventKinds
{
    /// <summary>The periodic supervision message: the SIA/CID periodic test report.</summary>
    public const string Heartbeat = "heartbeat";
}
