using System.Device.Gpio;
using Microsoft.Extensions.Logging;
using PanelAgent.Core.Inputs;
using PanelAgent.Core.Ports;
using PanelAgent.Hardware.Logging;

namespace PanelAgent.Hardware.Inputs;

/// <summary>
/// Zone inputs on the lines of any <see cref="GpioController"/>: the libgpiod driver on the panel, the simulated driver
/// in tests and the demo. Edge callbacks run on the driver's event thread, where an exception stops every line
/// (dotnet/iot#1210) and a slow handler delays every line: so the callback only stamps, maps and posts, and
/// swallows (and counts) anything that goes wrong. Spurious edges right after a line is opened (dotnet/iot#674) and
/// edges that repeat a level are passed on as they come: debounce and the periodic <see cref="ReadAll"/> sort them out.
/// </summary>
public sealed class GpioZoneInputs : IZoneInputs
{
    private readonly GpioController _controller;
    private readonly IReadOnlyList<ZoneLine> _lines;
    private readonly Dictionary<int, ZoneLine> _byPin;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly PinChangeEventHandler _callback;
    private readonly HashSet<int> _opened = [];
    private volatile IInputSink? _sink;
    private long _callbackFaults;
    private long _reportedFaults;
    private bool _disposed;

    /// <summary>Creates the inputs; nothing is claimed until <see cref="Open"/>.</summary>
    /// <param name="controller">The controller the lines are on; not disposed here.</param>
    /// <param name="lines">The lines, each pin at most once.</param>
    /// <param name="chip">The gpiochip number, for <see cref="Description"/>.</param>
    /// <param name="time">Stamps edges with its monotonic <see cref="TimeProvider.GetTimestamp"/>.</param>
    /// <param name="logger">The log.</param>
    public GpioZoneInputs(GpioController controller, IReadOnlyList<ZoneLine> lines, int chip, TimeProvider time, ILogger<GpioZoneInputs> logger)
    {
        ArgumentNullException.ThrowIfNull(controller);
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        _controller = controller;
        _lines = lines;
        _byPin = lines.ToDictionary(l => l.Pin);
        _time = time;
        _logger = logger;
        _callback = OnPinValueChanged;
        Description = $"{DriverName(controller)} on gpiochip{chip}";
    }

    /// <inheritdoc />
    public string Description { get; }

    /// <summary>Exceptions caught inside edge callbacks since start (a throwing sink, a closed controller...).</summary>
    public long CallbackFaults => Interlocked.Read(ref _callbackFaults);

    /// <inheritdoc />
    public void Open(IInputSink sink)
    {
        ArgumentNullException.ThrowIfNull(sink);
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_sink is not null)
        {
            throw new InvalidOperationException($"{Description} is already open");
        }

        _sink = sink;
        foreach (ZoneLine line in _lines)
        {
            OpenLine(line);
        }

        _logger.InputsOpened(_opened.Count, Description);
    }

    /// <inheritdoc />
    public IReadOnlyList<InputSample> ReadAll()
    {
        ReportCallbackFaults();
        var samples = new InputSample[_lines.Count];
        for (int i = 0; i < _lines.Count; i++)
        {
            samples[i] = Read(_lines[i]);
        }

        return samples;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _sink = null;
        foreach (int pin in _opened)
        {
            try
            {
                _controller.UnregisterCallbackForPinValueChangedEvent(pin, _callback);
                _controller.ClosePin(pin);
            }
            catch (Exception ex) when (ex is InvalidOperationException or IOException or ObjectDisposedException)
            {
                // Shutting down: the controller may already be gone; nothing useful to do with a line we are letting go.
            }
        }

        _opened.Clear();
    }

    private void OpenLine(ZoneLine line)
    {
        try
        {
            // Active-low contacts pull the line to ground, so they need the pull-up; active-high ones are driven
            // by the detector. Where the driver has no bias control the board must supply the resistor.
            PinMode mode = line.ActiveLow && _controller.IsPinModeSupported(line.Pin, PinMode.InputPullUp)
                ? PinMode.InputPullUp
                : PinMode.Input;
            _controller.OpenPin(line.Pin, mode);
            _opened.Add(line.Pin);
            _controller.RegisterCallbackForPinValueChangedEvent(line.Pin, PinEventTypes.Rising | PinEventTypes.Falling, _callback);
        }
        catch (Exception ex)
        {
            // One broken line must not take the other zones down: it reads as faulted, and the core raises it.
            _logger.InputOpenFailed(line.Pin, line.ZoneId, line.Input.ToString(), Description, ex);
        }
    }

    private InputSample Read(ZoneLine line)
    {
        try
        {
            bool high = _controller.Read(line.Pin) == PinValue.High;
            return new InputSample(line.ZoneId, line.Input, line.IsActive(high), Faulted: false);
        }
        catch (Exception)
        {
            return new InputSample(line.ZoneId, line.Input, Active: false, Faulted: true);
        }
    }

    private void OnPinValueChanged(object sender, PinValueChangedEventArgs args)
    {
        try
        {
            // The driver gives no kernel timestamp: this is the earliest moment we can stamp.
            long timestamp = _time.GetTimestamp();
            IInputSink? sink = _sink;
            if (sink is null || !_byPin.TryGetValue(args.PinNumber, out ZoneLine? line))
            {
                return;
            }

            // The args carry the edge, not a level: after a rising edge the line is high, after a falling edge low.
            bool high = (args.ChangeType & PinEventTypes.Rising) != 0;
            sink.Post(new InputEdge(line.ZoneId, line.Input, line.IsActive(high), timestamp));
        }
        catch (Exception)
        {
            Interlocked.Increment(ref _callbackFaults);
        }
    }

    private void ReportCallbackFaults()
    {
        long total = CallbackFaults;
        long fresh = total - Interlocked.Exchange(ref _reportedFaults, total);
        if (fresh > 0)
        {
            _logger.CallbackFailures(fresh, Description, total);
        }
    }

    internal static string DriverName(GpioController controller)
    {
        try
        {
            // The controller hides its driver; its component information names the driver type.
            string? fullName = controller.QueryComponentInformation().SubComponents.FirstOrDefault()?.Name;
            return fullName is null ? "GPIO" : fullName[(fullName.LastIndexOf('.') + 1)..];
        }
        catch (Exception)
        {
            return "GPIO";
        }
    }
}
