using System.Diagnostics;
using PanelAgent.Transport.Uplink;

namespace PanelAgent.Fleet;

/// <summary>
/// N simulated panels in this process. They connect in a ramp with jitter, as a real fleet comes back after a broker
/// restart when every panel's backoff is jittered: all at once, 2 cores spend seconds in TLS handshakes and
/// connects time out (docs/fleet.md).
/// </summary>
internal sealed class Fleet : IAsyncDisposable
{
    /// <summary>Panels connecting at once during the ramp: enough to keep the broker busy, few enough to never time out.</summary>
    public const int ConnectsInFlight = 16;

    private static readonly TimeSpan s_slotHeldAtMost = TimeSpan.FromSeconds(5);
    private readonly List<SimulatedPanel> _panels = [];

    private Fleet()
    {
    }

    public IReadOnlyList<SimulatedPanel> Panels => _panels;

    public int Pending => _panels.Sum(p => p.Pending);

    public long Resent => _panels.Sum(p => p.Counters.EventsResent);

    /// <summary>Link drops seen so far: connects beyond each panel's first.</summary>
    public int Reconnects => _panels.Sum(p => Math.Max(0, p.Connects - 1));

    /// <summary>Builds the first <paramref name="count"/> panels of <paramref name="world"/>.</summary>
    public static Fleet Create(FleetWorld world, int count, EventUplinkOptions uplinkTemplate, FleetDiagnostics diagnostics)
    {
        var fleet = new Fleet();
        foreach (var id in world.PanelIds.Take(count))
        {
            var uplink = new EventUplinkOptions
            {
                PanelId = id,
                BatchSize = uplinkTemplate.BatchSize,
                AckTimeout = uplinkTemplate.AckTimeout,
                PollInterval = uplinkTemplate.PollInterval,
                HeartbeatInterval = TimeSpan.Zero,
                CommsTroubleAfter = uplinkTemplate.CommsTroubleAfter,
            };
            fleet._panels.Add(new SimulatedPanel(world.LinkOptions(id), world.PanelKeys(id), world.StationPublicKey(), uplink,
                diagnostics));
        }

        return fleet;
    }

    /// <summary>
    /// Starts every panel, at most <paramref name="perSecond"/> a second with ±50 % jitter and at most
    /// <see cref="ConnectsInFlight"/> connecting at once, and waits until all are connected or
    /// <paramref name="timeout"/> passes. Returns the time from the first start to the last connect.
    /// </summary>
    /// <remarks>
    /// Without the in-flight bound a 2-core machine collapses: Mosquitto does every TLS handshake on its one thread,
    /// handshakes queue past the panels' connect timeout, the panels give up (the broker logs "unexpected eof" and
    /// "Protocol error") and retry, and the broker spends its time on handshakes nobody waits for any more.
    /// </remarks>
    public async Task<TimeSpan> RampUpAsync(double perSecond, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var random = new Random(7);
        var clock = Stopwatch.StartNew();
        using var slots = new SemaphoreSlim(ConnectsInFlight);
        for (var i = 0; i < _panels.Count; i++)
        {
            var due = TimeSpan.FromSeconds((i + (random.NextDouble() - 0.5)) / perSecond);
            if (due > clock.Elapsed)
            {
                await Task.Delay(due - clock.Elapsed, cancellationToken);
            }

            if (!await slots.WaitAsync(timeout - clock.Elapsed, cancellationToken))
            {
                break;
            }

            _panels[i].Start();
            // A panel whose connect keeps failing retries on its own backoff; its slot is given back after a while.
            _ = _panels[i].Connected.WaitAsync(s_slotHeldAtMost, cancellationToken)
                .ContinueWith(_ => slots.Release(), TaskScheduler.Default);
        }

        var all = Task.WhenAll(_panels.Select(p => p.Connected));
        var left = timeout - clock.Elapsed;
        if (left <= TimeSpan.Zero || await Task.WhenAny(all, Task.Delay(left, cancellationToken)) != all)
        {
            var missing = _panels.Count(p => !p.Connected.IsCompleted);
            throw new FleetException($"{missing} of {_panels.Count} panels not connected within {timeout}");
        }

        return clock.Elapsed;
    }

    public async ValueTask DisposeAsync()
    {
        // Stopped in parallel: each sends its DISCONNECT; one after another would take seconds for thousands.
        await Task.WhenAll(_panels.Select(p => p.DisposeAsync().AsTask()));
        _panels.Clear();
    }
}
