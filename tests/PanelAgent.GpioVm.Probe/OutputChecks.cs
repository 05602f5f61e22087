using PanelAgent.Core.Ports;
using PanelAgent.Hardware.Inputs;

namespace PanelAgent.GpioVm.Probe;

/// <summary>Checks of the output adapter and of the health counters the supervisor relies on.</summary>
public sealed class OutputChecks(ProbeRig rig)
{
    /// <summary>The siren line is claimed off at start; switching it on and off shows on gpio-sim's <c>value</c>.</summary>
    public CheckResult Siren()
    {
        bool atStart = rig.Sim.Value(ProbeRig.SirenLine);
        bool setOn = rig.Hardware.Outputs.TrySet(OutputKind.Siren, on: true);
        bool on = rig.Sim.Value(ProbeRig.SirenLine);
        bool setOff = rig.Hardware.Outputs.TrySet(OutputKind.Siren, on: false);
        bool off = rig.Sim.Value(ProbeRig.SirenLine);
        bool ok = !atStart && setOn && on && setOff && !off;
        return new CheckResult("siren-output", ok, $"line={ProbeRig.SirenLine} start={atStart} on={setOn}/{on} off={setOff}/{off}");
    }

    /// <summary>The adapter opened the libgpiod driver on the gpio-sim chip, as a panel does with Driver "auto".</summary>
    public CheckResult Driver()
    {
        string description = rig.Hardware.Inputs.Description;
        bool ok = description.Contains("LibGpiod", StringComparison.Ordinal)
            && description.EndsWith($"gpiochip{rig.Sim.Chip}", StringComparison.Ordinal);
        return new CheckResult("driver", ok, $"\"{description}\" /dev/gpiochip{rig.Sim.Chip} lines={rig.Sim.Lines}");
    }

    /// <summary>No edge callback threw and no edge overflowed the queue during the whole run.</summary>
    public CheckResult Health()
    {
        long faults = (rig.Hardware.Inputs as GpioZoneInputs)?.CallbackFaults ?? -1;
        long overflowed = rig.Pump.Overflowed;
        return new CheckResult("callback-health", faults == 0 && overflowed == 0, $"callback-faults={faults} overflowed={overflowed}");
    }
}
