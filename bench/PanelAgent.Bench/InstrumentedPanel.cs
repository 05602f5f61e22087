using System.Diagnostics;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging.Abstractions;
using PanelAgent.Core.Codes;
using PanelAgent.Core.Engine;
using PanelAgent.Core.Events;
using PanelAgent.Core.Inputs;
using PanelAgent.Core.State;
using PanelAgent.Core.Zones;
using PanelAgent.Hardware;
using PanelAgent.Options;
using PanelAgent.Simulation;
using PanelAgent.Storage;

namespace PanelAgent.Bench;

/// <summary>
/// For the breakdown only: the same parts as <c>PanelRuntime.Start</c> (simulated board and real adapters, InputPump,
/// AlarmPanel, SqliteEventStore) wired the same way, but with stopwatches at the seams the runtime does not expose:
/// when the pump hands the trigger to the panel, and when the panel enters and leaves the store's Commit. Retention,
/// the re-read supervisor and provisioning are left out; they are not on the edge's path. <see cref="PumpMode"/>
/// chooses who drains the pump, which shows what the hand-over to the loop's thread costs.
/// </summary>
internal sealed class InstrumentedPanel : IDisposable
{
    private readonly SimulatedHardwareSource _board;
    private readonly PanelHardware _hardware;
    private readonly SqliteEventStore _store;
    private readonly TimingEventStore _timing;
    private readonly InputPump _pump;
    private readonly AlarmPanel _panel;
    private readonly string _zone;
    private readonly PumpMode _mode;
    private readonly ManualResetEventSlim _posted = new();
    private readonly EventCounter _counter = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private bool _active;
    private long _deliveredAt;
    private PathStamps _last;

    public InstrumentedPanel(PanelConfig config, string zone, PumpMode mode)
    {
        _zone = zone;
        _mode = mode;
        var time = TimeProvider.System;
        _board = new SimulatedHardwareSource(config, time, NullLoggerFactory.Instance);
        _hardware = _board.Open();
        _store = SqliteStoreOpener.Open(config.Storage, time, NullLogger.Instance).Store;
        _timing = new TimingEventStore(_store);
        var settings = config.ToEngineSettings();
        var keypad = new Keypad(new CodeHasher(RandomNumberGenerator.GetBytes(32), CodeHasher.MinIterations), config.Panel.Grade);
        AlarmPanel? panel = null;
        _pump = new InputPump(settings.Zones.Values, time, config.Hardware.QueueCapacity, t =>
        {
            _deliveredAt = Stopwatch.GetTimestamp();
            panel?.Handle(t);
        });
        panel = new AlarmPanel(new AlarmEngine(settings), _timing, _hardware.Outputs, keypad,
            new PanelServices(time, NullLogger.Instance, () => _pump.Conditions, _store.LoadState() ?? PanelState.Initial));
        _panel = panel;
        _panel.EventRaised += OnEvent;
        _panel.Resume();
        _hardware.Inputs.Open(mode == PumpMode.DedicatedThread ? new SignallingSink(_pump, _posted) : _pump);
        _pump.Seed(_hardware.Inputs.ReadAll());
        _panel.ResumeInputs(_pump.Conditions);
        _loop = mode switch
        {
            PumpMode.Loop => Task.Run(() => _pump.RunAsync(_stop.Token)),
            PumpMode.DedicatedThread => Task.Factory.StartNew(DedicatedLoop, _stop.Token, TaskCreationOptions.LongRunning,
                TaskScheduler.Default),
            _ => Task.CompletedTask,
        };
    }

    /// <summary>One edge through the instrumented path; returns the stamps of each seam.</summary>
    public PathStamps ToggleAndWait()
    {
        var collections = GC.CollectionCount(0);
        var expected = _counter.Count + 1;
        var start = Stopwatch.GetTimestamp();
        Flip();
        var posted = Stopwatch.GetTimestamp();
        Drain();
        _counter.WaitUntil(expected, "instrumented path");
        return _last with { Start = start, Posted = posted, Collections = GC.CollectionCount(0) - collections };
    }

    /// <summary>Flips the bench zone; with inline drain, also runs the pump on this thread.</summary>
    public void Toggle()
    {
        Flip();
        Drain();
    }

    /// <summary>Time spent inside the store's Commit since start, and the number of commits.</summary>
    public (long Ticks, long Count) CommitTotals => (_timing.TotalTicks, _timing.Count);

    /// <summary>Events of the bench zone raised since start, and when the last one was.</summary>
    public EventCounter Raised => _counter;

    public void Dispose()
    {
        _stop.Cancel();
        try
        {
            _loop.GetAwaiter().GetResult();
        }
        catch (OperationCanceledException)
        {
            // The loop ends by cancellation.
        }

        _panel.Dispose();
        _pump.Dispose();
        _hardware.Dispose();
        _store.Dispose();
        _board.Dispose();
        _stop.Dispose();
        _counter.Dispose();
        _posted.Dispose();
    }

    private void DedicatedLoop()
    {
        while (!_stop.IsCancellationRequested)
        {
            _posted.Wait(_stop.Token);
            _posted.Reset(); // before draining: an edge posted from here on sets it again
            _pump.ProcessPending();
        }
    }

    private void Flip()
    {
        _active = !_active;
        _board.Board.SetZone(_zone, _active ? ZoneCondition.Active : ZoneCondition.Normal);
    }

    private void Drain()
    {
        if (_mode == PumpMode.Inline)
        {
            _pump.ProcessPending();
        }
    }

    private void OnEvent(PanelEvent e)
    {
        var at = Stopwatch.GetTimestamp();
        if (!string.Equals(e.Zone, _zone, StringComparison.Ordinal))
        {
            return;
        }

        // Written on the pump's thread before Release; read by the toggling thread after Wait (a full fence).
        _last = new PathStamps(0, 0, _deliveredAt, _timing.CommitStartedAt, _timing.CommitEndedAt, at);
        _counter.Counted(at);
    }
}
