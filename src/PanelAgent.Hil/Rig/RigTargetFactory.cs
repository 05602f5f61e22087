using System.Device.Gpio;
using Microsoft.Extensions.Logging;
using PanelAgent.Hardware.Drivers;
using PanelAgent.Hardware.Options;
using PanelAgent.Hil.Targets;

namespace PanelAgent.Hil.Rig;

/// <summary>
/// Targets on one rig: the rig's lines and its station are opened with the first scenario and kept for the whole run
/// (the panel under test keeps running too); each scenario gets a <see cref="RigTarget"/> that starts from quiet lines
/// and a disarmed panel. Disposing the factory lets the lines go and stops the station.
/// </summary>
public sealed class RigTargetFactory : IScenarioTargetFactory, IAsyncDisposable
{
    private readonly RigMap _map;
    private readonly Func<GpioOptions, GpioController> _open;
    private readonly TimeProvider _time;
    private readonly TextWriter _diagnostics;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private ILoggerFactory? _loggers;
    private RigLines? _lines;
    private RigStation? _station;

    /// <param name="map">A loaded and checked rig map (<see cref="RigMapLoader"/>).</param>
    /// <param name="open">Opens the rig's GPIO; null for the real chip through the libgpiod probe.</param>
    /// <param name="time">The rig's clock: advance steps are waits on it.</param>
    /// <param name="diagnostics">Where the station says why it cannot connect.</param>
    public RigTargetFactory(RigMap map, Func<GpioOptions, GpioController>? open = null, TimeProvider? time = null, TextWriter? diagnostics = null)
    {
        ArgumentNullException.ThrowIfNull(map);
        _map = map;
        _open = open ?? OpenChip;
        _time = time ?? TimeProvider.System;
        _diagnostics = diagnostics ?? TextWriter.Null;
    }

    /// <summary>The rig's chip through the probe, which says on stderr which driver it opened and why not the others.</summary>
    private GpioController OpenChip(GpioOptions options)
    {
        _loggers ??= LoggerFactory.Create(b => b.AddConsole(c => c.LogToStandardErrorThreshold = LogLevel.Trace));
        return new GpioController(new GpioDriverProbe(_loggers.CreateLogger<GpioDriverProbe>()).Open(options));
    }

    public async Task<IScenarioTarget> CreateAsync(string panelConfigPath, CancellationToken ct)
    {
        if (!string.Equals(Path.GetFullPath(panelConfigPath), _map.PanelConfigPath, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"this rig is wired to {_map.PanelConfigPath}, the scenario names {panelConfigPath}");
        }

        await _gate.WaitAsync(ct);
        try
        {
            _lines ??= new RigLines(_open(_map.Gpio), _map);
            _station ??= await RigStation.StartAsync(_map, _time, _diagnostics, ct);
        }
        finally
        {
            _gate.Release();
        }

        var target = new RigTarget(_map, _lines, _station, _time);
        await target.PrepareAsync(ct);
        return target;
    }

    public async ValueTask DisposeAsync()
    {
        _lines?.Dispose();
        _loggers?.Dispose();
        if (_station is not null)
        {
            await _station.DisposeAsync();
        }

        _gate.Dispose();
    }
}
