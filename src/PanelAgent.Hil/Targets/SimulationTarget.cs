using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using PanelAgent.Core.Engine;
using PanelAgent.Core.Events;
using PanelAgent.Core.Ports;
using PanelAgent.Core.State;
using PanelAgent.Core.Zones;
using PanelAgent.Options;
using PanelAgent.Runtime;
using PanelAgent.Simulation;

namespace PanelAgent.Hil.Targets;

/// <summary>
/// The simulation target: the real runtime (storage, engine, adapters) on a simulated board, with a virtual clock.
/// The board (the physical world: which doors are open) survives a restart; the runtime does not.
/// </summary>
public sealed class SimulationTarget : IScenarioTarget
{
    /// <summary>A Monday morning, so calendar arithmetic in scenarios is easy to follow.</summary>
    public static readonly DateTimeOffset VirtualStart = new(2026, 1, 5, 8, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider _time;
    private readonly List<PanelEvent> _events = [];
    private readonly string _directory;
    private readonly bool _keep;
    private readonly PanelConfig _config;
    private readonly SimulatedHardwareSource _board;
    private readonly ILoggerFactory _loggers;
    private readonly SimulatedCameras _cameras;
    private PanelRuntime _runtime;

    private SimulationTarget(string directory, bool keep, PanelConfig config, ILoggerFactory loggers, FakeTimeProvider time)
    {
        _time = time;
        _directory = directory;
        _keep = keep;
        _config = config;
        _loggers = loggers;
        _board = new SimulatedHardwareSource(config, _time, loggers);
        _cameras = new SimulatedCameras(config, _time, loggers);
        _runtime = StartRuntime();
    }

    public DateTimeOffset Now => _time.GetUtcNow();

    public IReadOnlyList<PanelEvent> Events => _events;

    /// <summary>Starts a panel; <paramref name="start"/> moves the virtual clock's origin (default <see cref="VirtualStart"/>).</summary>
    public static SimulationTarget Start(
        string panelConfigPath, string? keepData = null, ILoggerFactory? loggers = null, DateTimeOffset? start = null)
    {
        var directory = keepData is null ? Directory.CreateTempSubdirectory("panel-hil-").FullName : FreshFolder(keepData);
        var config = ConfigLoader.Load(panelConfigPath, new Dictionary<string, string?>
        {
            ["Storage:Path"] = Path.Combine(directory, "panel.db"),
            ["Panel:Codes:PepperPath"] = Path.Combine(directory, "pepper"),
        });
        return new SimulationTarget(directory, keepData is not null, config, loggers ?? NullLoggerFactory.Instance,
            new FakeTimeProvider(start ?? VirtualStart));
    }

    public Task ArmAsync(ArmMode mode, string code, IReadOnlyList<string> bypass, CancellationToken ct)
    {
        _runtime.Panel.EnterCode(code, KeypadAction.ArmIn(mode, bypass));
        return Settle();
    }

    public Task DisarmAsync(string code, CancellationToken ct)
    {
        _runtime.Panel.EnterCode(code, KeypadAction.Disarm);
        return Settle();
    }

    /// <summary>Sets the zone, then lets its debounce time pass, as a real contact needs to be accepted.</summary>
    public Task SetZoneAsync(string zoneId, ZoneCondition condition, CancellationToken ct)
    {
        if (!_config.Panel.Zones.Any(z => z.Id == zoneId))
        {
            throw new InvalidOperationException($"the panel has no zone '{zoneId}'");
        }

        var zone = _config.Panel.Zones.First(z => z.Id == zoneId);

        // A tamper-type zone (the panel's own lid switch) has no separate tamper line: its detector is the tamper.
        _board.Board.SetZone(zoneId, condition == ZoneCondition.Tamper && zone.Type == "tamper" ? ZoneCondition.Active : condition);
        if (_config.Hardware.Inputs.Any(i => i.Zone == zoneId && i.OnExpander))
        {
            // The expander's interrupt is served by a reader task of its own; a re-read makes the step deterministic.
            _runtime.Supervisor.Run();
        }

        _runtime.Pump.ProcessPending();
        return AdvanceAsync(zone.Debounce, ct);
    }

    public Task AdvanceAsync(TimeSpan by, CancellationToken ct)
    {
        _time.Advance(by);
        return Settle();
    }

    public Task RestartAsync(bool hard, CancellationToken ct)
    {
        _cameras.Detach();
        if (hard)
        {
            _runtime.Dispose(); // power cut: nothing held in memory is written
        }
        else
        {
            _runtime.Stop();
        }

        _runtime = StartRuntime();
        return Settle();
    }

    public Task<string?> ReadFigureAsync(string figure, CancellationToken ct) => Task.FromResult(figure switch
    {
        "armlog.count" => _runtime.Store.ReadArmLog().Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
        "alarmhistory.count" => _runtime.Store.ReadAlarmHistory().Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
        "events.count" => _events.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
        "state" => StateNames.Of(_runtime.Panel.State.Phase),
        "siren" => OnOff(OutputKind.Siren),
        "lock" => OnOff(OutputKind.DoorLock),
        "plug" => OnOff(OutputKind.SmartPlug),
        "unsaved.count" => _runtime.Panel.UnsavedCount.ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => _cameras.ReadFigure(figure),
    });

    public Task StationAsync(string command, string? camera, TimeSpan? hold, CancellationToken ct)
    {
        _cameras.Station(command, camera, hold, Now);
        return Settle();
    }

    public Task SetCameraAsync(string camera, string mode, CancellationToken ct)
    {
        _cameras.SetMode(camera, mode);
        return Task.CompletedTask;
    }

    public ValueTask DisposeAsync()
    {
        _cameras.Detach();
        _runtime.Stop();
        _board.Dispose();
        if (!_keep)
        {
            Directory.Delete(_directory, recursive: true);
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>An emptied folder for this run's database, so a kept database holds this run only.</summary>
    private static string FreshFolder(string path)
    {
        if (Directory.Exists(path))
        {
            Directory.Delete(path, recursive: true);
        }

        return Directory.CreateDirectory(path).FullName;
    }

    private PanelRuntime StartRuntime()
    {
        var runtime = PanelRuntime.Start(_config, _board.Open(), _time, _loggers, _events.Add);
        _cameras.Attach(runtime);
        return runtime;
    }

    private string OnOff(OutputKind output) => _board.Board.IsOutputOn(output) ? "on" : "off";

    /// <summary>Drains edges the last action queued; timers already ran inside <see cref="FakeTimeProvider.Advance"/>.</summary>
    private Task Settle()
    {
        _runtime.Pump.ProcessPending();
        _cameras.Settle(Now); // capture runs after the events are persisted, as on the panel
        _runtime.Pump.ProcessPending();
        return Task.CompletedTask;
    }
}
