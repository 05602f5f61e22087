using System.Diagnostics;
using PanelAgent.Diagnostics;
using PanelAgent.Protocol.Sealing;
using PanelAgent.Transport;
using PanelAgent.Transport.Uplink;

namespace PanelAgent.Link;

/// <summary>
/// panelctl's view of the station link (issue 5 <c>status</c>, <c>link-test</c>, <c>selftest</c>). The link service
/// attaches each run's parts and detaches them when the run ends. The test is a heartbeat sent out of turn — SIA RP /
/// CID 602, the periodic test report — and passes when the station's signed acknowledgement arrives. Heartbeats are
/// not logged events, so the result's sequence is 0.
/// </summary>
public sealed class LinkDiagnostics(TimeProvider time) : ILinkDiagnostics
{
    private readonly Lock _gate = new();
    private Parts? _parts;

    public LinkStatus Status
    {
        get
        {
            var parts = Current;
            return parts is null
                ? new LinkStatus(false, null, null, null)
                : new LinkStatus(parts.Link.IsConnected, parts.Link.CurrentEndpoint?.ToString(), parts.Sealer.ClockOffset,
                    parts.Uplink.LastAcknowledged);
        }
    }

    private Parts? Current
    {
        get { lock (_gate) { return _parts; } }
    }

    public void Attach(ConnectionSupervisor link, EventUplink uplink, StatusSender status, MessageSealer sealer)
    {
        lock (_gate)
        {
            _parts = new Parts(link, uplink, status, sealer);
        }
    }

    public void Detach()
    {
        lock (_gate)
        {
            _parts = null;
        }
    }

    public async Task<LinkTestResult> SendTestAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (Current is not { } parts || !parts.Link.IsConnected)
        {
            return new LinkTestResult(false, 0, null, "not connected to a broker");
        }

        var acknowledged = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnAck() => acknowledged.TrySetResult();
        parts.Uplink.AckAccepted += OnAck;
        var started = Stopwatch.GetTimestamp();
        try
        {
            parts.Status.RequestHeartbeat();
            await acknowledged.Task.WaitAsync(timeout, time, cancellationToken).ConfigureAwait(false);
            return new LinkTestResult(true, 0, Stopwatch.GetElapsedTime(started), null);
        }
        catch (TimeoutException)
        {
            return new LinkTestResult(false, 0, null, $"no acknowledgement from the station within {timeout.TotalSeconds:0} s");
        }
        finally
        {
            parts.Uplink.AckAccepted -= OnAck;
        }
    }

    private sealed record Parts(ConnectionSupervisor Link, EventUplink Uplink, StatusSender Status, MessageSealer Sealer);
}
