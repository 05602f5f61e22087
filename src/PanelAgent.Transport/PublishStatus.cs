namespace PanelAgent.Transport;

/// <summary>How a publish ended. Only <see cref="Sent"/> means the broker accepted it (a PUBACK, not a receipt).</summary>
public enum PublishStatus
{
    Sent,
    NotConnected,
    Rejected,
    TimedOut,
}
