using System.Device.Gpio;
using System.Device.I2c;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PanelAgent.Core.Ports;
using PanelAgent.Core.Zones;
using PanelAgent.Hardware.Options;

namespace PanelAgent.Hardware.Simulation;

/// <summary>
/// A whole simulated panel board built from the same <see cref="HardwareOptions"/> as the real one: a
/// <see cref="SimulatedGpioDriver"/> for the SoC and, when configured, a <see cref="SimulatedMcp23017"/> with its INT
/// output wired to the SoC. Every zone starts Normal (each line at its inactive level) before any adapter opens it.
/// Tests, the demo and the HIL runner set zones with <see cref="SetZone"/> and watch outputs with <see cref="IsOutputOn"/>,
/// while the real adapters run on <see cref="Controller"/> and <see cref="ExpanderDevice"/>.
/// </summary>
public sealed class SimulatedPanelHardware : IDisposable
{
    private readonly HardwareOptions _options;
    private readonly HashSet<string> _faultedExpanderZones = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>Builds the board from the same options the real adapters get.</summary>
    /// <exception cref="OptionsValidationException">The options are not valid (see <see cref="HardwareOptions.Validate"/>).</exception>
    public SimulatedPanelHardware(HardwareOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = options.Validate().ToList();
        if (errors.Count > 0)
        {
            throw new OptionsValidationException(HardwareOptions.SectionName, typeof(HardwareOptions), errors);
        }

        _options = options;
        IEnumerable<int> socLines = options.Inputs.Where(i => !i.OnExpander).SelectMany(i => new[] { i.Line, i.TamperLine ?? 0 })
            .Concat(new[] { options.Outputs.Siren, options.Outputs.DoorLock, options.Outputs.SmartPlug }.OfType<OutputLineOptions>().Select(o => o.Line))
            .Append(options.Expander?.InterruptLine ?? 0);
        Driver = new SimulatedGpioDriver(Math.Max(64, socLines.Max() + 1));
        Controller = new GpioController(Driver);
        if (options.Expander is { } expander)
        {
            Expander = new SimulatedMcp23017(new I2cConnectionSettings(expander.Bus, expander.Address));
            if (expander.InterruptLine is int line)
            {
                Expander.ConnectInterrupts(Driver, line);
            }
        }

        foreach (ZoneInputOptions input in options.Inputs)
        {
            SetZone(input.Zone, ZoneCondition.Normal);
        }
    }

    /// <summary>The simulated SoC chip.</summary>
    public SimulatedGpioDriver Driver { get; }

    /// <summary>A controller over <see cref="Driver"/>, for <see cref="PanelHardware.Create"/>.</summary>
    public GpioController Controller { get; }

    /// <summary>The simulated expander, when the options have one.</summary>
    public SimulatedMcp23017? Expander { get; }

    /// <summary>The expander as an <see cref="I2cDevice"/>, for <see cref="PanelHardware.Create"/>.</summary>
    public I2cDevice? ExpanderDevice => Expander;

    /// <summary>The real adapters on this board.</summary>
    public PanelHardware CreateHardware(TimeProvider time, ILoggerFactory loggers) =>
        PanelHardware.Create(_options, Controller, ExpanderDevice, time, loggers);

    /// <summary>
    /// Puts a zone's lines in the state a real part would: Normal (detector quiet, tamper closed), Active (detector
    /// active), Tamper (tamper switch open) or Fault (its lines cannot be read). An expander line cannot fail alone, so
    /// Fault on an expander zone fails the whole I2C bus until every expander zone is out of Fault.
    /// </summary>
    /// <exception cref="ArgumentException">No such zone, or Tamper on a zone without a tamper line.</exception>
    public void SetZone(string zoneId, ZoneCondition condition)
    {
        ZoneInputOptions input = _options.Inputs.FirstOrDefault(i => i.Zone == zoneId)
            ?? throw new ArgumentException($"No zone \"{zoneId}\" in {HardwareOptions.SectionName}:Inputs", nameof(zoneId));
        if (condition == ZoneCondition.Tamper && input.TamperLine is null)
        {
            throw new ArgumentException($"Zone \"{zoneId}\" has no tamper line", nameof(condition));
        }

        lock (_gate)
        {
            SetFault(input, condition == ZoneCondition.Fault);
            if (condition != ZoneCondition.Fault)
            {
                SetLine(input, input.Line, input.ActiveLow, active: condition == ZoneCondition.Active);
                if (input.TamperLine is int tamper)
                {
                    SetLine(input, tamper, input.TamperActiveLow, active: condition == ZoneCondition.Tamper);
                }
            }
        }
    }

    /// <summary>True when the output's line is claimed and at its "on" level; false when off, unclaimed or not fitted.</summary>
    public bool IsOutputOn(OutputKind output)
    {
        OutputLineOptions? line = output switch
        {
            OutputKind.Siren => _options.Outputs.Siren,
            OutputKind.DoorLock => _options.Outputs.DoorLock,
            OutputKind.SmartPlug => _options.Outputs.SmartPlug,
            _ => null,
        };
        return line is not null && Driver.IsOpen(line.Line) && (Driver.GetOutputLevel(line.Line) == PinValue.High) != line.ActiveLow;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Controller.Dispose();
        Expander?.Dispose();
    }

    private void SetFault(ZoneInputOptions input, bool faulted)
    {
        if (!input.OnExpander)
        {
            Driver.SetFault(input.Line, faulted);
            if (input.TamperLine is int tamper)
            {
                Driver.SetFault(tamper, faulted);
            }

            return;
        }

        _ = faulted ? _faultedExpanderZones.Add(input.Zone) : _faultedExpanderZones.Remove(input.Zone);
        Expander!.SetBusFault(_faultedExpanderZones.Count > 0);
    }

    private void SetLine(ZoneInputOptions input, int line, bool activeLow, bool active)
    {
        PinValue level = active != activeLow ? PinValue.High : PinValue.Low;
        if (input.OnExpander)
        {
            Expander!.SetInputLevel(line, level);
        }
        else
        {
            Driver.SetInputLevel(line, level);
        }
    }
}
