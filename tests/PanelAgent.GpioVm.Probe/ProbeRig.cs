using Microsoft.Extensions.Logging;
using PanelAgent.Core.Inputs;
using PanelAgent.Core.Zones;
using PanelAgent.Hardware;
using PanelAgent.Hardware.Inputs;
using PanelAgent.Hardware.Options;

namespace PanelAgent.GpioVm.Probe;

/// <summary>
/// The production input path on a gpio-sim chip: <see cref="PanelHardware.Open"/> (driver probe, libgpiod,
/// <c>GpioZoneInputs</c>, <c>GpioPanelOutputs</c>) feeding the Core <see cref="InputPump"/> (debounce), wired as
/// PanelRuntime wires them: open the inputs, read once, seed, then run the pump loop.
/// </summary>
public sealed class ProbeRig : IDisposable
{
    /// <summary>Active-high, pulled up before the adapter opens: must start Active.</summary>
    public const string StartActive = "start-active";

    /// <summary>Active-high, pulled down before open; edges, sustained changes; its tamper is on <see cref="TamperLine"/>.</summary>
    public const string Door = "door";

    /// <summary>Active-low: the adapter asks for the pull-up bias, a contact to ground makes it Active.</summary>
    public const string ActiveLow = "active-low";

    /// <summary>Active-high with the long debounce: chatter.</summary>
    public const string Chatter = "chatter";

    /// <summary>Active-high with the long debounce: a pulse shorter than it.</summary>
    public const string Pulse = "pulse";

    public const int StartActiveLine = 0;
    public const int DoorLine = 1;
    public const int ActiveLowLine = 2;
    public const int ChatterLine = 3;
    public const int PulseLine = 4;
    public const int TamperLine = 5;
    public const int SirenLine = 7;
    public const int LineCount = 8;

    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    private ProbeRig(GpioSimChip sim, PanelHardware hardware, InputPump pump, EdgeRecorder recorder, ProbeTimings timings)
    {
        Sim = sim;
        Hardware = hardware;
        Pump = pump;
        Recorder = recorder;
        Timings = timings;
        _loop = Task.Run(() => pump.RunAsync(_stop.Token));
    }

    public GpioSimChip Sim { get; }

    public PanelHardware Hardware { get; }

    public InputPump Pump { get; }

    public EdgeRecorder Recorder { get; }

    public ProbeTimings Timings { get; }

    /// <summary>Makes the chip, sets the start levels, opens the adapters and seeds debounce from one read.</summary>
    public static ProbeRig Start(GpioSimChip sim, ProbeTimings timings, ILoggerFactory loggers)
    {
        sim.Pull(StartActiveLine, up: true);
        sim.Pull(DoorLine, up: false);
        sim.Pull(ChatterLine, up: false);
        sim.Pull(PulseLine, up: false);
        sim.Pull(TamperLine, up: false);
        PanelHardware hardware = PanelHardware.Open(Options(sim.Chip), TimeProvider.System, loggers);
        var recorder = new EdgeRecorder();
        var pump = new InputPump(Zones(timings), TimeProvider.System, capacity: 1024, recorder.OnTrigger);
        recorder.Forward(pump);
        hardware.Inputs.Open(recorder);
        pump.Seed(hardware.Inputs.ReadAll());
        return new ProbeRig(sim, hardware, pump, recorder, timings);
    }

    /// <summary>The debounced condition of <paramref name="zone"/> now.</summary>
    public ZoneCondition Condition(string zone) => Pump.Conditions[zone];

    public void Dispose()
    {
        _stop.Cancel();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(2));
        }
        catch (AggregateException)
        {
            // The loop ends by cancellation; nothing else can surface here that the checks did not already report.
        }

        Hardware.Dispose();
        Pump.Dispose();
        _stop.Dispose();
    }

    /// <summary>Every input line with its wiring, as the adapter maps it.</summary>
    public static IReadOnlyList<ZoneLine> InputLines() => ZoneLine.From(Options(0).Inputs, onExpander: false);

    private static HardwareOptions Options(int chip) => new()
    {
        // "auto", as a panel ships: libgpiod v2 is absent in the VM, so the probe falls back to v1 (libgpiod.so.2).
        Gpio = new GpioOptions { Driver = GpioDriverNames.Auto, Chip = chip },
        Inputs =
        [
            new ZoneInputOptions { Zone = StartActive, Line = StartActiveLine },
            new ZoneInputOptions { Zone = Door, Line = DoorLine, TamperLine = TamperLine },
            new ZoneInputOptions { Zone = ActiveLow, Line = ActiveLowLine, ActiveLow = true },
            new ZoneInputOptions { Zone = Chatter, Line = ChatterLine },
            new ZoneInputOptions { Zone = Pulse, Line = PulseLine },
        ],
        Outputs = new OutputsOptions { Siren = new OutputLineOptions { Line = SirenLine } },
    };

    /// <summary>The zones and their debounce.</summary>
    public static ZoneDefinition[] Zones(ProbeTimings timings) =>
    [
        new(StartActive, ZoneType.Perimeter, null, timings.Debounce),
        new(Door, ZoneType.Entry, null, timings.Debounce),
        new(ActiveLow, ZoneType.Perimeter, null, timings.Debounce),
        new(Chatter, ZoneType.Interior, null, timings.LongDebounce),
        new(Pulse, ZoneType.Interior, null, timings.LongDebounce),
    ];
}
