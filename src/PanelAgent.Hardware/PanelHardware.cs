using System.Device.Gpio;
using System.Device.I2c;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PanelAgent.Core.Ports;
using PanelAgent.Hardware.Drivers;
using PanelAgent.Hardware.Inputs;
using PanelAgent.Hardware.Options;
using PanelAgent.Hardware.Outputs;

namespace PanelAgent.Hardware;

/// <summary>
/// The panel's inputs and outputs built from <see cref="HardwareOptions"/>: SoC lines through
/// <see cref="GpioZoneInputs"/>, expander lines through <see cref="Mcp23017ZoneInputs"/>, both behind one
/// <see cref="IZoneInputs"/>, and the outputs through <see cref="GpioPanelOutputs"/>.
/// The outputs are claimed and switched off at once; the inputs wait for <see cref="IZoneInputs.Open"/>.
/// </summary>
public sealed class PanelHardware : IDisposable
{
    private readonly GpioPanelOutputs _outputs;
    private readonly IReadOnlyList<IDisposable> _owned;
    private bool _disposed;

    private PanelHardware(IZoneInputs inputs, GpioPanelOutputs outputs, IReadOnlyList<IDisposable> owned)
    {
        Inputs = inputs;
        _outputs = outputs;
        _owned = owned;
    }

    /// <summary>Every detector and tamper input.</summary>
    public IZoneInputs Inputs { get; }

    /// <summary>Siren, door lock and smart plug.</summary>
    public IPanelOutputs Outputs => _outputs;

    /// <summary>
    /// Builds the adapters on a controller and I2C device the caller made and keeps (the simulation's, or the ones
    /// <see cref="Open"/> makes); they are not disposed with this.
    /// </summary>
    /// <param name="options">The validated hardware section.</param>
    /// <param name="soc">The SoC GPIO controller (inputs, outputs, the expander's INT line).</param>
    /// <param name="expander">The expander's I2C device; needed only when an input is on the expander.</param>
    /// <param name="time">Monotonic timestamps for edges, and the expander's poll timer.</param>
    /// <param name="loggers">Loggers for the adapters.</param>
    /// <exception cref="OptionsValidationException">The options are not valid.</exception>
    public static PanelHardware Create(HardwareOptions options, GpioController soc, I2cDevice? expander, TimeProvider time, ILoggerFactory loggers) =>
        Create(options, soc, expander, time, loggers, owned: []);

    /// <summary>
    /// Opens the real hardware: the GPIO driver through <see cref="GpioDriverProbe"/> and, when an input is on the
    /// expander, <c>/dev/i2c-N</c>. The controller and the I2C device are disposed with the result.
    /// </summary>
    /// <exception cref="GpioDriverUnavailableException">No GPIO driver could be opened.</exception>
    /// <exception cref="OptionsValidationException">The options are not valid.</exception>
    public static PanelHardware Open(HardwareOptions options, TimeProvider time, ILoggerFactory loggers)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(loggers);
        ThrowIfInvalid(options);
        var soc = new GpioController(new GpioDriverProbe(loggers.CreateLogger<GpioDriverProbe>()).Open(options.Gpio));
        EventLoopThreads.Reserve(WatchedLines(options), loggers.CreateLogger(typeof(EventLoopThreads).FullName!));
        I2cDevice? expander = null;
        try
        {
            if (options.Expander is { } e && options.Inputs.Any(i => i.OnExpander))
            {
                expander = I2cDevice.Create(new I2cConnectionSettings(e.Bus, e.Address));
            }

            return Create(options, soc, expander, time, loggers, expander is null ? [soc] : [expander, soc]);
        }
        catch
        {
            expander?.Dispose();
            soc.Dispose();
            throw;
        }
    }

    /// <summary>Releases inputs and outputs, then what <see cref="Open"/> opened.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        Inputs.Dispose();
        _outputs.Dispose();
        foreach (IDisposable owned in _owned)
        {
            owned.Dispose();
        }
    }

    private static PanelHardware Create(
        HardwareOptions options, GpioController soc, I2cDevice? expander, TimeProvider time, ILoggerFactory loggers, IReadOnlyList<IDisposable> owned)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(soc);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(loggers);
        ThrowIfInvalid(options);
        var parts = new List<IZoneInputs>
        {
            new GpioZoneInputs(soc, ZoneLine.From(options.Inputs, onExpander: false), options.Gpio.Chip, time, loggers.CreateLogger<GpioZoneInputs>()),
        };
        IReadOnlyList<ZoneLine> expanderLines = ZoneLine.From(options.Inputs, onExpander: true);
        if (expanderLines.Count > 0)
        {
            I2cDevice device = expander ?? throw new ArgumentException(
                $"{HardwareOptions.SectionName}:Expander: inputs are on the expander but no I2C device was given", nameof(expander));
            parts.Add(new Mcp23017ZoneInputs(device, soc, options.Expander!, expanderLines, time, loggers.CreateLogger<Mcp23017ZoneInputs>()));
        }

        IZoneInputs inputs = parts.Count == 1 ? parts[0] : new CompositeZoneInputs(parts);
        return new PanelHardware(inputs, new GpioPanelOutputs(soc, options.Outputs, loggers.CreateLogger<GpioPanelOutputs>()), owned);
    }

    /// <summary>The SoC lines whose edges the driver watches: every SoC input, and the expander's INT line when used.</summary>
    private static int WatchedLines(HardwareOptions options) =>
        ZoneLine.From(options.Inputs, onExpander: false).Count
        + (options.Expander?.InterruptLine is not null && options.Inputs.Any(i => i.OnExpander) ? 1 : 0);

    private static void ThrowIfInvalid(HardwareOptions options)
    {
        var errors = options.Validate().ToList();
        if (errors.Count > 0)
        {
            throw new OptionsValidationException(HardwareOptions.SectionName, typeof(HardwareOptions), errors);
        }
    }
}
