using Microsoft.Extensions.Logging;
using PanelAgent.Core.Zones;
using PanelAgent.GpioVm.Probe;

// Exit codes: 0 every check passed, 1 a check failed, 2 bad arguments, 3 no gpio-sim (not in the VM?),
// 4 the hardware adapter could not be opened on the simulated chip.
var (arguments, error) = ProbeArguments.Parse(args);
if (arguments is null)
{
    Console.Error.WriteLine($"gpio-vm-probe: {error}");
    return 2;
}

if (!Directory.Exists(arguments.ConfigRoot))
{
    Console.Error.WriteLine($"gpio-vm-probe: {arguments.ConfigRoot} does not exist: gpio-sim is not loaded or configfs is not mounted "
        + "(this probe runs inside the VM of scripts/gpio-vm.sh)");
    return 3;
}

using ILoggerFactory loggers = LoggerFactory.Create(b => b.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Information));
using GpioSimChip sim = GpioSimChip.Create(arguments.ConfigRoot, arguments.PlatformRoot, "panel", ProbeRig.LineCount);
Console.WriteLine($"gpio-vm-probe: gpio-sim chip /dev/gpiochip{sim.Chip} with {sim.Lines} lines");
ProbeRig rig;
try
{
    rig = ProbeRig.Start(sim, arguments.Timings, loggers);
}
catch (Exception ex)
{
    Console.Error.WriteLine($"gpio-vm-probe: the hardware adapter could not open /dev/gpiochip{sim.Chip}: {ex}");
    return 4;
}

var results = new List<CheckResult>();
using (rig)
{
    var inputs = new InputChecks(rig);
    var outputs = new OutputChecks(rig);
    results.Add(Print(outputs.Driver()));
    results.Add(Print(await inputs.StartLevelsAsync()));
    results.Add(Print(await inputs.EdgeAsync("rising-edge", ProbeRig.Door, ProbeRig.DoorLine, pullUp: true, ZoneCondition.Normal, ZoneCondition.Active)));
    results.Add(Print(await inputs.EdgeAsync("falling-edge", ProbeRig.Door, ProbeRig.DoorLine, pullUp: false, ZoneCondition.Active, ZoneCondition.Normal)));
    results.Add(Print(await inputs.EdgeAsync("active-low-on", ProbeRig.ActiveLow, ProbeRig.ActiveLowLine, pullUp: false, ZoneCondition.Normal, ZoneCondition.Active)));
    results.Add(Print(await inputs.EdgeAsync("active-low-off", ProbeRig.ActiveLow, ProbeRig.ActiveLowLine, pullUp: true, ZoneCondition.Active, ZoneCondition.Normal)));
    results.Add(Print(await inputs.EdgeAsync("tamper-on", ProbeRig.Door, ProbeRig.TamperLine, pullUp: true, ZoneCondition.Normal, ZoneCondition.Tamper)));
    results.Add(Print(await inputs.EdgeAsync("tamper-off", ProbeRig.Door, ProbeRig.TamperLine, pullUp: false, ZoneCondition.Tamper, ZoneCondition.Normal)));
    results.Add(Print(await inputs.ChatterAsync("chatter-settles-on", toggles: 21)));
    results.Add(Print(await inputs.ChatterAsync("chatter-returns", toggles: 20)));
    results.Add(Print(await inputs.ShortPulseAsync()));
    results.Add(Print(inputs.Reread()));
    results.Add(Print(inputs.ChangeLatency()));
    results.Add(Print(outputs.Siren()));
    results.Add(Print(outputs.Health()));
}

int failed = results.Count(r => !r.Passed);
Console.WriteLine($"gpio-vm-probe: {results.Count - failed} passed, {failed} failed");
return failed == 0 ? 0 : 1;

static CheckResult Print(CheckResult result)
{
    Console.WriteLine(result);
    return result;
}
