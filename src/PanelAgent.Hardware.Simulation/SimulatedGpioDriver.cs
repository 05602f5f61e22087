using System.Device.Gpio;

namespace PanelAgent.Hardware.Simulation;

/// <summary>
/// A GPIO chip in memory, for tests, the demo and the HIL simulation: the real adapters run on it through a plain
/// <see cref="GpioController"/> (STYLE.md §2: simulate at the driver, not at the port).
/// The test side drives inputs with <see cref="SetInputLevel"/>, which fires the registered callbacks synchronously
/// on the caller's thread, breaks lines with <see cref="SetFault"/> and reads outputs with <see cref="GetOutputLevel"/>.
/// Levels can be set before a line is opened, to give it its power-on level. Thread-safe.
/// </summary>
public sealed class SimulatedGpioDriver : GpioDriver
{
    private readonly Lock _gate = new();
    private readonly Dictionary<int, SimulatedLine> _lines = [];
    private readonly int _pinCount;
    private volatile bool _eventsEnabled = true;

    /// <summary>Creates a chip with <paramref name="pinCount"/> lines, all low, none open.</summary>
    public SimulatedGpioDriver(int pinCount = 64)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pinCount);
        _pinCount = pinCount;
    }

    /// <summary>
    /// False kills the event loop as System.Device.Gpio's can die (dotnet/iot#1210, an exception in a handler): levels
    /// still change and reads see them, but no callback runs until it is set true again. The fault campaign uses it.
    /// </summary>
    public bool EventsEnabled
    {
        get => _eventsEnabled;
        set => _eventsEnabled = value;
    }

    /// <summary>Drives an input line from outside; fires the callbacks whose edge type matches, unless the line is faulted.</summary>
    public void SetInputLevel(int pin, PinValue level)
    {
        PinChangeEventHandler[] handlers;
        PinEventTypes edge = level == PinValue.High ? PinEventTypes.Rising : PinEventTypes.Falling;
        lock (_gate)
        {
            SimulatedLine line = Line(pin);
            if (line.Input == level)
            {
                return;
            }

            line.Input = level;
            handlers = line.Faulted || !_eventsEnabled ? [] : line.Callbacks.Where(c => (c.Types & edge) != 0).Select(c => c.Handler).ToArray();
        }

        var args = new PinValueChangedEventArgs(edge, pin);
        foreach (PinChangeEventHandler handler in handlers)
        {
            handler(this, args);
        }
    }

    /// <summary>Breaks (or mends) a line: while faulted, reading and writing it throw <see cref="IOException"/> and it raises no edges.</summary>
    public void SetFault(int pin, bool faulted)
    {
        lock (_gate)
        {
            Line(pin).Faulted = faulted;
        }
    }

    /// <summary>The level the line drives as an output (its latch, whatever its mode).</summary>
    public PinValue GetOutputLevel(int pin)
    {
        lock (_gate)
        {
            return Line(pin).Output;
        }
    }

    /// <summary>True while the line is open.</summary>
    public bool IsOpen(int pin)
    {
        lock (_gate)
        {
            return Line(pin).Open;
        }
    }

    /// <inheritdoc />
    protected override int PinCount => _pinCount;

    /// <inheritdoc />
    protected override void OpenPin(int pinNumber) => Update(pinNumber, l => l.Open = true);

    /// <inheritdoc />
    protected override void ClosePin(int pinNumber) => Update(pinNumber, l => (l.Open, l.Mode) = (false, PinMode.Input));

    /// <inheritdoc />
    protected override void SetPinMode(int pinNumber, PinMode mode) => Update(pinNumber, l => l.Mode = mode);

    /// <inheritdoc />
    protected override PinMode GetPinMode(int pinNumber)
    {
        lock (_gate)
        {
            return Line(pinNumber).Mode;
        }
    }

    /// <inheritdoc />
    protected override bool IsPinModeSupported(int pinNumber, PinMode mode) => true;

    /// <inheritdoc />
    protected override PinValue Read(int pinNumber)
    {
        lock (_gate)
        {
            SimulatedLine line = Usable(pinNumber);
            return line.Mode == PinMode.Output ? line.Output : line.Input;
        }
    }

    /// <inheritdoc />
    protected override void Write(int pinNumber, PinValue value)
    {
        lock (_gate)
        {
            Usable(pinNumber).Output = value;
        }
    }

    /// <inheritdoc />
    protected override void AddCallbackForPinValueChangedEvent(int pinNumber, PinEventTypes eventTypes, PinChangeEventHandler callback) =>
        Update(pinNumber, l => l.Callbacks.Add((eventTypes, callback)));

    /// <inheritdoc />
    protected override void RemoveCallbackForPinValueChangedEvent(int pinNumber, PinChangeEventHandler callback) =>
        Update(pinNumber, l => l.Callbacks.RemoveAll(c => c.Handler == callback));

    /// <inheritdoc />
    protected override WaitForEventResult WaitForEvent(int pinNumber, PinEventTypes eventTypes, CancellationToken cancellationToken)
    {
        using var fired = new ManualResetEventSlim();
        PinEventTypes seen = PinEventTypes.None;
        void Handler(object sender, PinValueChangedEventArgs args)
        {
            seen = args.ChangeType;
            fired.Set();
        }

        AddCallbackForPinValueChangedEvent(pinNumber, eventTypes, Handler);
        try
        {
            fired.Wait(cancellationToken);
            return new WaitForEventResult { EventTypes = seen, TimedOut = false };
        }
        catch (OperationCanceledException)
        {
            return new WaitForEventResult { EventTypes = PinEventTypes.None, TimedOut = true };
        }
        finally
        {
            RemoveCallbackForPinValueChangedEvent(pinNumber, Handler);
        }
    }

    private void Update(int pin, Action<SimulatedLine> change)
    {
        lock (_gate)
        {
            change(Line(pin));
        }
    }

    private SimulatedLine Usable(int pin)
    {
        SimulatedLine line = Line(pin);
        return line.Faulted ? throw new IOException($"Simulated fault on line {pin}") : line;
    }

    private SimulatedLine Line(int pin)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(pin);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(pin, _pinCount);
        if (!_lines.TryGetValue(pin, out SimulatedLine? line))
        {
            line = new SimulatedLine();
            _lines[pin] = line;
        }

        return line;
    }

    private sealed class SimulatedLine
    {
        public bool Open { get; set; }
        public PinMode Mode { get; set; } = PinMode.Input;
        public PinValue Input { get; set; } = PinValue.Low;
        public PinValue Output { get; set; } = PinValue.Low;
        public bool Faulted { get; set; }
        public List<(PinEventTypes Types, PinChangeEventHandler Handler)> Callbacks { get; } = [];
    }
}
