namespace PanelAgent.Transport;

/// <summary>Raised after a connect and re-subscription: the moment an outbox pump resends what is unacknowledged.</summary>
public sealed class LinkConnectedEventArgs(BrokerEndpoint endpoint, bool isBackup) : EventArgs
{
    public BrokerEndpoint Endpoint { get; } = endpoint;

    /// <summary>True when the primary (first) endpoint failed and a backup path is in use.</summary>
    public bool IsBackup { get; } = isBackup;
}
