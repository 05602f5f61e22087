using System.Device.Gpio;

namespace PanelAgent.Hil.Rig;

/// <summary>
/// The rig's own GPIO lines through a <see cref="GpioController"/>: every drive line is claimed as an output at its
/// normal (inactive) level before anything else happens, so the panel sees quiet detectors while the rig starts;
/// every watch line is claimed as an input. On the rig machine the controller comes from the libgpiod driver, opened
/// explicitly (<see cref="PanelAgent.Hardware.Drivers.GpioDriverProbe"/>); in the back-to-back test from a wired
/// simulated driver.
/// </summary>
public sealed class RigLines : IDisposable
{
    private readonly GpioController _controller;
    private readonly RigMap _map;
    private readonly Lock _gate = new();

    public RigLines(GpioController controller, RigMap map)
    {
        ArgumentNullException.ThrowIfNull(controller);
        ArgumentNullException.ThrowIfNull(map);
        _controller = controller;
        _map = map;
        foreach (var drive in map.Drives)
        {
            // The initial value goes with the mode, so a line never glitches active while it is claimed.
            _controller.OpenPin(drive.Line, PinMode.Output, Level(drive.ActiveLow, active: false));
        }

        foreach (var watch in map.Watches)
        {
            _controller.OpenPin(watch.Line, PinMode.Input);
        }
    }

    public void Set(RigDrive drive, bool active)
    {
        ArgumentNullException.ThrowIfNull(drive);
        lock (_gate)
        {
            _controller.Write(drive.Line, Level(drive.ActiveLow, active));
        }
    }

    /// <summary>Every detector quiet, every tamper switch closed, no fault relay pulled.</summary>
    public void AllNormal()
    {
        foreach (var drive in _map.Drives)
        {
            Set(drive, active: false);
        }
    }

    /// <summary>True while the panel drives the watched output at its active level.</summary>
    public bool IsOn(RigWatch watch)
    {
        ArgumentNullException.ThrowIfNull(watch);
        lock (_gate)
        {
            return (_controller.Read(watch.Line) == PinValue.High) != watch.ActiveLow;
        }
    }

    public void Dispose() => _controller.Dispose();

    private static PinValue Level(bool activeLow, bool active) => active != activeLow ? PinValue.High : PinValue.Low;
}
