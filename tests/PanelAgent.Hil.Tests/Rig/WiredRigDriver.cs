using System.Device.Gpio;
using PanelAgent.Hardware.Options;
using PanelAgent.Hardware.Simulation;
using PanelAgent.Hil.Rig;

namespace PanelAgent.Hil.Tests.Rig;

/// <summary>
/// The rig's GPIO chip with its wires soldered to a simulated panel board, as the rig map says: a level written on a
/// drive line appears on the panel input it is wired to (an SoC line or an MCP23017 pin; a fault line breaks the
/// zone's lines, or the expander's bus), and a watch line reads the level the panel drives on its output.
/// Both sides run their real adapters (<see cref="RigLines"/> here, the panel's GPIO and expander adapters there).
/// </summary>
internal sealed class WiredRigDriver(RigMap map, HardwareOptions panel, SimulatedPanelHardware board) : GpioDriver
{
    private readonly Lock _gate = new();
    private readonly Dictionary<int, PinMode> _modes = [];
    private readonly Dictionary<int, PinValue> _latches = [];

    protected override int PinCount => 64;

    protected override void OpenPin(int pinNumber) => Update(() => _modes[pinNumber] = PinMode.Input);

    protected override void ClosePin(int pinNumber) => Update(() => _modes.Remove(pinNumber));

    protected override void SetPinMode(int pinNumber, PinMode mode) => Update(() => _modes[pinNumber] = mode);

    protected override PinMode GetPinMode(int pinNumber)
    {
        lock (_gate)
        {
            return _modes.GetValueOrDefault(pinNumber, PinMode.Input);
        }
    }

    protected override bool IsPinModeSupported(int pinNumber, PinMode mode) => true;

    protected override PinValue Read(int pinNumber)
    {
        lock (_gate)
        {
            if (map.Watches.FirstOrDefault(w => w.Line == pinNumber) is { } watch)
            {
                return board.Driver.GetOutputLevel(PanelOutput(watch.Output).Line);
            }

            return _latches.GetValueOrDefault(pinNumber, PinValue.Low);
        }
    }

    protected override void Write(int pinNumber, PinValue value)
    {
        RigDrive? drive;
        lock (_gate)
        {
            _latches[pinNumber] = value;
            drive = map.Drives.FirstOrDefault(d => d.Line == pinNumber);
        }

        if (drive is not null)
        {
            Carry(drive, value); // outside the lock: the panel's edge callbacks run on this thread
        }
    }

    protected override void AddCallbackForPinValueChangedEvent(int pinNumber, PinEventTypes eventTypes, PinChangeEventHandler callback) =>
        throw new NotSupportedException("the rig polls its watch lines");

    protected override void RemoveCallbackForPinValueChangedEvent(int pinNumber, PinChangeEventHandler callback)
    {
    }

    protected override WaitForEventResult WaitForEvent(int pinNumber, PinEventTypes eventTypes, CancellationToken cancellationToken) =>
        throw new NotSupportedException("the rig polls its watch lines");

    private void Carry(RigDrive drive, PinValue value)
    {
        var input = panel.Inputs.First(i => i.Zone == drive.Zone);
        switch (drive.Signal)
        {
            case RigSignal.Detector:
                Drive(input, input.Line, value);
                break;
            case RigSignal.Tamper:
                Drive(input, input.TamperLine!.Value, value);
                break;
            default:
                Break(input, (value == PinValue.High) != drive.ActiveLow);
                break;
        }
    }

    private void Drive(ZoneInputOptions input, int line, PinValue value)
    {
        if (input.OnExpander)
        {
            board.Expander!.SetInputLevel(line, value);
        }
        else
        {
            board.Driver.SetInputLevel(line, value);
        }
    }

    private void Break(ZoneInputOptions input, bool broken)
    {
        if (input.OnExpander)
        {
            board.Expander!.SetBusFault(broken);
            return;
        }

        board.Driver.SetFault(input.Line, broken);
        if (input.TamperLine is int tamper)
        {
            board.Driver.SetFault(tamper, broken);
        }
    }

    private OutputLineOptions PanelOutput(string output) => output switch
    {
        "siren" => panel.Outputs.Siren!,
        "lock" => panel.Outputs.DoorLock!,
        _ => panel.Outputs.SmartPlug!,
    };

    private void Update(Action change)
    {
        lock (_gate)
        {
            change();
        }
    }
}
