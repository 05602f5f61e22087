using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using PanelAgent.Core.Events;
using PanelAgent.Core.Zones;
using PanelAgent.Options;
using PanelAgent.Runtime;
using PanelAgent.Simulation;

namespace PanelAgent.Bench;

/// <summary>
/// The subject of the latency and throughput figures: the real <see cref="PanelRuntime"/> on the simulated board
/// (SimulatedGpioDriver under the real GpioZoneInputs), <see cref="TimeProvider.System"/>, a real SQLite file, and the
/// pump's own loop (<c>Pump.RunAsync</c>) on the thread pool as PanelService runs it in the host. Toggling the bench
/// zone is a simulated edge: SetZone → driver callback → InputPump.Post, on the caller's thread as on the driver's
/// event thread. The end of the path is <see cref="Core.Engine.AlarmPanel.EventRaised"/>, which the panel raises after
/// the event is committed (synchronous=FULL) and the outputs are set.
/// </summary>
internal sealed class BenchPanel : IDisposable
{
    private readonly SimulatedHardwareSource _board;
    private readonly string _zone;
    private readonly string _raisedKind;
    private readonly string _restoredKind;
    private readonly EventCounter _counter = new();
    private readonly CancellationTokenSource _stop = new();
    private PanelRuntime? _runtime;
    private Task? _loop;
    private bool _active;
    private bool _expectActive;
    private long _wrongKind;

    private BenchPanel(PanelConfig config, string zone)
    {
        _zone = zone;
        var kind = BenchConfig.TroubleKind(config, zone);
        _raisedKind = EventKinds.Trouble(kind);
        _restoredKind = EventKinds.TroubleRestored(kind);
        _board = new SimulatedHardwareSource(config, TimeProvider.System, NullLoggerFactory.Instance);
    }

    /// <summary>Edges the panel lost to a full queue (must stay 0 for the figures to mean anything).</summary>
    public long Overflowed => Runtime.Pump.Overflowed;

    /// <summary>Events of the bench zone whose kind was not the one the toggle should have produced.</summary>
    public long WrongKind => Interlocked.Read(ref _wrongKind);

    /// <summary>Events of the bench zone raised since start, and when the last one was.</summary>
    public EventCounter Raised => _counter;

    private PanelRuntime Runtime => _runtime ?? throw new InvalidOperationException("not started");

    public static BenchPanel Start(PanelConfig config, string zone)
    {
        var panel = new BenchPanel(config, zone);
        panel._runtime = PanelRuntime.Start(config, panel._board.Open(), TimeProvider.System, NullLoggerFactory.Instance,
            panel.OnEvent);
        panel._loop = Task.Run(() => panel.Runtime.Pump.RunAsync(panel._stop.Token));
        return panel;
    }

    /// <summary>Flips the bench zone (Normal ↔ Active) at the simulated board; returns once the edge is posted.</summary>
    public void Toggle()
    {
        _active = !_active;
        _board.Board.SetZone(_zone, _active ? ZoneCondition.Active : ZoneCondition.Normal);
    }

    /// <summary>One edge, timed from just before the board changes to the event being raised after its commit.</summary>
    public double ToggleAndWaitMs() => _counter.TimeOne(Toggle, $"zone '{_zone}' (overflowed: {Overflowed})");

    /// <summary>Bench-zone events in the database: what actually became durable.</summary>
    public long CountStored()
    {
        long count = 0;
        long after = 0;
        while (Runtime.Store.ReadEvents(after, 10_000) is { Count: > 0 } page)
        {
            count += page.Count(e => e.Event.Zone == _zone);
            after = page[^1].Sequence;
        }

        return count;
    }

    public void Dispose()
    {
        _stop.Cancel();
        try
        {
            _loop?.GetAwaiter().GetResult();
        }
        catch (OperationCanceledException)
        {
            // The loop ends by cancellation.
        }

        _runtime?.Stop();
        _board.Dispose();
        _stop.Dispose();
        _counter.Dispose();
    }

    private void OnEvent(PanelEvent e)
    {
        // Runs on the pump's thread, inside the panel's lock, after the commit: stamp first, then bookkeeping.
        var at = Stopwatch.GetTimestamp();
        if (!string.Equals(e.Zone, _zone, StringComparison.Ordinal))
        {
            return;
        }

        _expectActive = !_expectActive;
        if (!string.Equals(e.Kind, _expectActive ? _raisedKind : _restoredKind, StringComparison.Ordinal))
        {
            Interlocked.Increment(ref _wrongKind);
        }

        _counter.Counted(at);
    }
}
