using System.Device.Gpio;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using PanelAgent.Hardware.Logging;
using PanelAgent.Hardware.Options;

namespace PanelAgent.Hardware.Inputs;

/// <summary>
/// Wakes the expander's reader: on the falling edge of the expander's INT line (a SoC GPIO line), or on a timer when
/// there is no INT line or it cannot be opened. Each wake-up carries the monotonic timestamp it was raised at.
/// </summary>
internal sealed class ExpanderWakeup : IDisposable
{
    private readonly GpioController _soc;
    private readonly ExpanderOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly PinChangeEventHandler _onInterrupt;

    // One slot, DropWrite: a pending wake-up already covers later ones, and it keeps the first interrupt's stamp.
    private readonly Channel<long> _signals = Channel.CreateBounded<long>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });
    private ITimer? _poll;
    private bool _interruptOpen;
    private long _callbackFaults;

    public ExpanderWakeup(GpioController soc, ExpanderOptions options, TimeProvider time, ILogger logger)
    {
        (_soc, _options, _time, _logger) = (soc, options, time, logger);
        _onInterrupt = OnInterrupt;
    }

    /// <summary>The wake-ups; completes on <see cref="Dispose"/>.</summary>
    public ChannelReader<long> Reader => _signals.Reader;

    /// <summary>Exceptions caught in the INT callback.</summary>
    public long CallbackFaults => Interlocked.Read(ref _callbackFaults);

    /// <summary>Claims the INT line, or starts the poll timer.</summary>
    public void Start()
    {
        if (_options.InterruptLine is not int line || !TryOpenInterrupt(line))
        {
            _poll = _time.CreateTimer(_ => Signal(), null, _options.PollInterval, _options.PollInterval);
        }
    }

    public void Dispose()
    {
        _poll?.Dispose();
        if (_interruptOpen && _options.InterruptLine is int line)
        {
            try
            {
                _soc.UnregisterCallbackForPinValueChangedEvent(line, _onInterrupt);
                _soc.ClosePin(line);
            }
            catch (Exception ex) when (ex is InvalidOperationException or IOException or ObjectDisposedException)
            {
                // Shutting down: the SoC controller may already be disposed.
            }
        }

        _signals.Writer.TryComplete();
    }

    private bool TryOpenInterrupt(int line)
    {
        try
        {
            // The MCP23017 drives INT push-pull (IOCON.ODR=0); the pull-up only keeps the line defined while the
            // expander is unpowered or missing.
            PinMode mode = _soc.IsPinModeSupported(line, PinMode.InputPullUp) ? PinMode.InputPullUp : PinMode.Input;
            _soc.OpenPin(line, mode);
            _interruptOpen = true;
            _soc.RegisterCallbackForPinValueChangedEvent(line, PinEventTypes.Falling, _onInterrupt);
            return true;
        }
        catch (Exception ex)
        {
            _logger.ExpanderInterruptUnavailable(_options.Address, _options.Bus, line, _options.PollInterval, ex);
            return false;
        }
    }

    private void OnInterrupt(object sender, PinValueChangedEventArgs args)
    {
        // On the SoC driver's event thread: stamp and signal, nothing else (no I2C here).
        try
        {
            Signal();
        }
        catch (Exception)
        {
            Interlocked.Increment(ref _callbackFaults);
        }
    }

    private void Signal() => _signals.Writer.TryWrite(_time.GetTimestamp());
}
