namespace PanelAgent.Transport.Uplink;

/// <summary>Outbox rows that an authenticated station acknowledgement has just marked acknowledged.</summary>
public sealed class UplinkAcknowledgedEventArgs(IReadOnlyList<long> sequences) : EventArgs
{
    public IReadOnlyList<long> Sequences { get; } = sequences;
}
