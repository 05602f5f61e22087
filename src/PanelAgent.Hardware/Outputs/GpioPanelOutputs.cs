using System.Device.Gpio;
using Microsoft.Extensions.Logging;
using PanelAgent.Core.Ports;
using PanelAgent.Hardware.Logging;
using PanelAgent.Hardware.Options;

namespace PanelAgent.Hardware.Outputs;

/// <summary>
/// The siren, door-lock relay and smart-plug relay on SoC lines. Each line is claimed in the constructor and driven to
/// off straight away, so a restarting panel never leaves a sounder on that nobody asked for. An output that cannot be
/// opened or written makes <see cref="TrySet"/> return false, for the caller to raise trouble; nothing here throws.
/// </summary>
public sealed class GpioPanelOutputs : IPanelOutputs, IDisposable
{
    private readonly GpioController _controller;
    private readonly ILogger _logger;
    private readonly Dictionary<OutputKind, OutputLineOptions> _open = [];
    private readonly Lock _gate = new();
    private bool _disposed;

    /// <summary>Claims and switches off every configured output.</summary>
    /// <param name="controller">The SoC controller; not disposed here.</param>
    /// <param name="outputs">The output lines; an output left null is not fitted.</param>
    /// <param name="logger">The log.</param>
    public GpioPanelOutputs(GpioController controller, OutputsOptions outputs, ILogger<GpioPanelOutputs> logger)
    {
        ArgumentNullException.ThrowIfNull(controller);
        ArgumentNullException.ThrowIfNull(outputs);
        ArgumentNullException.ThrowIfNull(logger);
        _controller = controller;
        _logger = logger;
        OpenOutput(OutputKind.Siren, outputs.Siren);
        OpenOutput(OutputKind.DoorLock, outputs.DoorLock);
        OpenOutput(OutputKind.SmartPlug, outputs.SmartPlug);
    }

    /// <inheritdoc />
    public bool TrySet(OutputKind output, bool on)
    {
        lock (_gate)
        {
            if (_disposed || !_open.TryGetValue(output, out OutputLineOptions? line))
            {
                _logger.OutputNotFitted(output.ToString(), on);
                return false;
            }

            try
            {
                _controller.Write(line.Line, Level(line, on));
                return true;
            }
            catch (Exception ex)
            {
                _logger.OutputWriteFailed(output.ToString(), line.Line, on, ex);
                return false;
            }
        }
    }

    /// <summary>Lets the lines go, as they are; the kernel decides what a released line does.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            foreach (OutputLineOptions line in _open.Values)
            {
                try
                {
                    _controller.ClosePin(line.Line);
                }
                catch (Exception ex) when (ex is InvalidOperationException or IOException or ObjectDisposedException)
                {
                    // Shutting down: the controller may already be disposed.
                }
            }

            _open.Clear();
        }
    }

    private void OpenOutput(OutputKind output, OutputLineOptions? line)
    {
        if (line is null)
        {
            return;
        }

        try
        {
            // The initial value goes with the mode, so an active-low output does not glitch on while it is claimed.
            _controller.OpenPin(line.Line, PinMode.Output, Level(line, on: false));
            _open[output] = line;
            _logger.OutputOpened(output.ToString(), line.Line, line.ActiveLow ? "low" : "high");
        }
        catch (Exception ex)
        {
            _logger.OutputOpenFailed(output.ToString(), line.Line, ex);
        }
    }

    private static PinValue Level(OutputLineOptions line, bool on) => on != line.ActiveLow ? PinValue.High : PinValue.Low;
}
