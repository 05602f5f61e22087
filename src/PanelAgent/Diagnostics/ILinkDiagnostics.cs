namespace PanelAgent.Diagnostics;

/// <summary>
/// What panelctl asks of the station link (implemented by the link's owner and registered in DI; absent means "not
/// configured"). Never throws for link trouble: a failed test is a result.
/// </summary>
public interface ILinkDiagnostics
{
    /// <summary>The link as it is now (status, selftest).</summary>
    LinkStatus Status { get; }

    /// <summary>Sends a test event (SIA RP / CID 602) and waits for the station's signed acknowledgement.</summary>
    Task<LinkTestResult> SendTestAsync(TimeSpan timeout, CancellationToken cancellationToken);
}

/// <param name="Connected">Connected to a broker now.</param>
/// <param name="Endpoint">The broker in use (host:port), or null.</param>
/// <param name="ClockOffset">Station clock minus panel clock from the last acknowledgement, or null.</param>
/// <param name="LastAck">When the station last acknowledged anything, or null.</param>
public sealed record LinkStatus(bool Connected, string? Endpoint, TimeSpan? ClockOffset, DateTimeOffset? LastAck);

/// <param name="Acknowledged">The station's signed acknowledgement arrived in time.</param>
/// <param name="Sequence">The test event's sequence.</param>
/// <param name="RoundTrip">From send to acknowledgement, when acknowledged.</param>
/// <param name="Problem">Why not, in a few words, when not acknowledged.</param>
public sealed record LinkTestResult(bool Acknowledged, long Sequence, TimeSpan? RoundTrip, string? Problem);
