using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using PanelAgent.Core.Events;
using PanelAgent.Core.Zones;
using PanelAgent.Options;
using PanelAgent.Runtime;
using PanelAgent.Simulation;

namespace PanelAgent.Tests.Support;

/// <summary>
/// sim-villa in process: the real <see cref="PanelRuntime"/> (SQLite in a temp folder, engine, adapters) on the
/// simulated board, with a virtual clock. The board is the physical world and outlives a runtime, so a test can stop
/// the panel, open a door "while the power is off", and start it again.
/// </summary>
internal sealed class SimulatedPanel : IDisposable
{
    /// <summary>A Monday morning, as in the scenario runner.</summary>
    public static readonly DateTimeOffset VirtualStart = new(2026, 1, 5, 8, 0, 0, TimeSpan.Zero);

    private readonly TempDirectory _dir = new();
    private readonly Lock _gate = new();
    private readonly List<PanelEvent> _events = [];

    public SimulatedPanel()
    {
        Config = SimVilla.Load(_dir.FullPath);
        Board = new SimulatedHardwareSource(Config, Time, NullLoggerFactory.Instance);
    }

    public FakeTimeProvider Time { get; } = new(VirtualStart);

    public PanelConfig Config { get; }

    public SimulatedHardwareSource Board { get; }

    public string DataDirectory => _dir.FullPath;

    public string DatabasePath => Config.Storage.Path;

    public PanelRuntime? Runtime { get; private set; }

    /// <summary>Called for each event after it is recorded, on the engine's thread and under its lock.</summary>
    public Action<PanelEvent>? OnEvent { get; set; }

    /// <summary>Every event raised since the panel was created (or since <see cref="ClearEvents"/>), in order.</summary>
    public IReadOnlyList<PanelEvent> Events
    {
        get
        {
            lock (_gate)
            {
                return [.. _events];
            }
        }
    }

    public IReadOnlyList<string> Kinds => [.. Events.Select(e => e.Kind)];

    public PanelRuntime Start()
    {
        if (Runtime is not null)
        {
            throw new InvalidOperationException("the panel is already running");
        }

        Runtime = PanelRuntime.Start(Config, Board.Open(), Time, NullLoggerFactory.Instance, Record);
        return Runtime;
    }

    /// <summary>A clean stop (held events flushed), as on SIGTERM.</summary>
    public void Stop()
    {
        Runtime?.Stop();
        Runtime = null;
    }

    public void ClearEvents()
    {
        lock (_gate)
        {
            _events.Clear();
        }
    }

    /// <summary>Sets a zone on the board; when running, lets its debounce pass so the panel accepts it.</summary>
    public void SetZone(string zoneId, ZoneCondition condition)
    {
        Board.Board.SetZone(zoneId, condition);
        if (Runtime is { } runtime)
        {
            runtime.Pump.ProcessPending();
            Advance(Config.Panel.Zones.Single(z => z.Id == zoneId).Debounce);
        }
    }

    /// <summary>Moves the virtual clock; the panel's timers run inside, on this thread.</summary>
    public void Advance(TimeSpan by)
    {
        Time.Advance(by);
        Runtime?.Pump.ProcessPending();
    }

    public void Dispose()
    {
        Stop();
        Board.Dispose();
        _dir.Dispose();
    }

    private void Record(PanelEvent e)
    {
        lock (_gate)
        {
            _events.Add(e);
        }

        OnEvent?.Invoke(e);
    }
}
