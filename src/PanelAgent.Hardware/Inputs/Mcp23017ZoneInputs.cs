using System.Device.Gpio;
using System.Device.I2c;
using Iot.Device.Mcp23xxx;
using Microsoft.Extensions.Logging;
using PanelAgent.Core.Inputs;
using PanelAgent.Core.Ports;
using PanelAgent.Hardware.Logging;
using PanelAgent.Hardware.Options;

namespace PanelAgent.Hardware.Inputs;

/// <summary>
/// Zone inputs on a Microchip MCP23017 I2C expander (datasheet DS20001952), through Iot.Device.Bindings'
/// <see cref="Mcp23017"/> binding.
/// <para>
/// Why the MCP23017 rather than a PCF8574: 16 lines instead of 8; real internal 100 kΩ pull-ups (GPPU) where the PCF8574
/// only has weak quasi-bidirectional current sources; interrupt-on-change per line with INTF saying which line fired
/// and INTCAP latching the whole port at the moment of the interrupt (§3.6), so a pulse shorter than the interrupt
/// latency is still seen; and it is register-addressed, which is exactly what <see cref="I2cSimulatedDeviceBase"/>
/// models, so the real binding runs in tests and the demo.
/// </para>
/// <para>
/// Why not the binding's own pin-change callbacks (it has them in 4.x, via INTA/INTB lines on a controller): its handler
/// reads the port over I2C on the SoC driver's event thread, delaying every other line by an I2C transfer, and an
/// IOException there ends the libgpiod event loop (dotnet/iot#1210); it reads GPIO instead of INTCAP, so a short pulse
/// is reported with the level after it; and it expects separate INTA/INTB lines, while the panel wires one (MIRROR).
/// So here the INT line's falling edge only signals a reader task, which reads INTF, INTCAP and GPIO and posts edges.
/// Without an INT line the same reader runs on a timer.
/// </para>
/// </summary>
public sealed class Mcp23017ZoneInputs : IZoneInputs
{
    private readonly ExpanderOptions _options;
    private readonly IReadOnlyList<ZoneLine> _lines;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Mcp23017Port _port;
    private readonly ExpanderWakeup _wakeup;
    private readonly Lock _gate = new();
    private bool _configured;
    private bool _faultReported;
    private ushort? _levels;
    private volatile IInputSink? _sink;
    private Task? _reader;
    private long _callbackFaults;
    private long _reportedFaults;
    private volatile bool _disposed;

    /// <summary>Creates the inputs; nothing is touched until <see cref="Open"/>.</summary>
    /// <param name="device">The expander's I2C device; not disposed here.</param>
    /// <param name="soc">The SoC controller that has the INT line; not disposed here.</param>
    /// <param name="options">Address, bus, INT line or poll interval.</param>
    /// <param name="lines">The expander lines (0-15).</param>
    /// <param name="time">Stamps edges with its monotonic timestamp, and runs the poll timer.</param>
    /// <param name="logger">The log.</param>
    public Mcp23017ZoneInputs(I2cDevice device, GpioController soc, ExpanderOptions options, IReadOnlyList<ZoneLine> lines, TimeProvider time, ILogger<Mcp23017ZoneInputs> logger)
    {
        ArgumentNullException.ThrowIfNull(device);
        ArgumentNullException.ThrowIfNull(soc);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        (_options, _lines, _time, _logger) = (options, lines, time, logger);
        _port = new Mcp23017Port(device, lines);
        _wakeup = new ExpanderWakeup(soc, options, time, logger);
        string wiring = options.InterruptLine is int line ? $"INT on line {line}" : $"polled every {options.PollInterval.TotalMilliseconds:0} ms";
        Description = $"MCP23017 at 0x{options.Address:X2} on i2c-{options.Bus}, {wiring}";
    }

    /// <inheritdoc />
    public string Description { get; }

    /// <summary>Exceptions caught in the INT callback or while posting edges (a throwing sink...).</summary>
    public long CallbackFaults => Interlocked.Read(ref _callbackFaults) + _wakeup.CallbackFaults;

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
        lock (_gate)
        {
            // A missing expander at boot is a fault, not a crash: its lines read faulted and the reader retries.
            TryConfigureLocked();
        }

        _reader = Task.Run(ReadLoopAsync);
        _wakeup.Start();
    }

    /// <summary>
    /// Reads the port now; before <see cref="Open"/> every line reads faulted. Also a safety net: reading GPIO clears
    /// a pending interrupt (§3.6.4), so a lost INT edge cannot leave INT stuck low; a change found here is posted as an
    /// edge, and a chip that lost its configuration (power glitch) is set up again.
    /// </summary>
    public IReadOnlyList<InputSample> ReadAll()
    {
        ReportCallbackFaults();
        ushort? levels = null;
        if (_sink is not null && !_disposed)
        {
            lock (_gate)
            {
                levels = ReadAllLocked();
            }
        }

        return _lines.Select(line => levels is ushort port
            ? new InputSample(line.ZoneId, line.Input, line.IsActive((port & (1 << line.Pin)) != 0), Faulted: false)
            : new InputSample(line.ZoneId, line.Input, Active: false, Faulted: true)).ToList();
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
        _wakeup.Dispose();
        _reader?.Wait(TimeSpan.FromSeconds(2));
        lock (_gate)
        {
            _port.Dispose();
        }
    }

    private async Task ReadLoopAsync()
    {
        while (await _wakeup.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (_wakeup.Reader.TryRead(out long stamp))
            {
                try
                {
                    lock (_gate)
                    {
                        ScanLocked(stamp);
                    }
                }
                catch (Exception ex)
                {
                    _logger.ExpanderReaderError(_options.Address, _options.Bus, ex);
                }
            }
        }
    }

    private ushort? ReadAllLocked()
    {
        try
        {
            if (_configured && _port.ReadInterruptEnable() is var enabled && enabled != _port.Mask)
            {
                _logger.ExpanderLostConfiguration(_options.Address, _options.Bus, enabled, _port.Mask);
                _configured = false;
            }

            // A signal still queued carries the interrupt's stamp: use it for what INTCAP latched.
            long stamp = _wakeup.Reader.TryPeek(out long queued) ? queued : _time.GetTimestamp();
            return ScanLocked(stamp);
        }
        catch (IOException ex)
        {
            Faulted(ex);
            return null;
        }
        catch (Exception ex)
        {
            _logger.ExpanderReaderError(_options.Address, _options.Bus, ex);
            return null;
        }
    }

    private ushort? ScanLocked(long interruptStamp)
    {
        if (!_configured && !TryConfigureLocked())
        {
            return null;
        }

        try
        {
            Mcp23017Scan scan = _port.Scan();
            PostChanges(scan, interruptStamp, _time.GetTimestamp());
            return scan.Now;
        }
        catch (IOException ex)
        {
            Faulted(ex);
            return null;
        }
    }

    private bool TryConfigureLocked()
    {
        try
        {
            ushort now = _port.Configure();

            // Changes while the chip was unreachable are posted as edges against the last levels known.
            PostChanges(new Mcp23017Scan(0, 0, now), 0, _time.GetTimestamp());
            _configured = true;
            if (_faultReported)
            {
                _faultReported = false;
                _logger.ExpanderRecovered(_options.Address, _options.Bus);
            }
            else
            {
                _logger.ExpanderConfigured(_options.Address, _options.Bus, _lines.Count, Description);
            }

            return true;
        }
        catch (IOException ex)
        {
            Faulted(ex);
            return false;
        }
    }

    private void Faulted(IOException ex)
    {
        _configured = false;
        if (!_faultReported)
        {
            _faultReported = true;
            _logger.ExpanderFault(_options.Address, _options.Bus, ex);
        }
    }

    private void PostChanges(Mcp23017Scan scan, long interruptStamp, long scanStamp)
    {
        if (_levels is ushort before)
        {
            foreach (LineChange change in Mcp23017Changes.Find(before, scan, _lines))
            {
                Post(change.Line, change.High, change.Latched ? interruptStamp : scanStamp);
            }
        }

        _levels = scan.Now;
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

    private void Post(ZoneLine line, bool high, long timestamp)
    {
        try
        {
            _sink?.Post(new InputEdge(line.ZoneId, line.Input, line.IsActive(high), timestamp));
        }
        catch (Exception)
        {
            Interlocked.Increment(ref _callbackFaults);
        }
    }
}
