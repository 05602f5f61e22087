using PanelAgent.Hardware.Options;

namespace PanelAgent.Hil.Rig;

/// <summary>
/// How a rig is wired to the panel under test (<c>hardware/rig/*.json</c>, see hardware/rig/README.md): the rig's
/// output lines that stand in for detectors, tamper switches and line faults, the rig's input lines that watch the
/// panel's siren and relays, and the station identity the rig reads the panel's events with.
/// </summary>
/// <param name="Source">The map file, for messages.</param>
/// <param name="PanelConfigPath">The panel file (full path) whose zones the rig drives; scenarios must name the same.</param>
/// <param name="PanelId">The panel's id on the link (<c>panels/{id}/...</c>).</param>
/// <param name="StationConfigPath">A panel-station config (docs/station.md) giving broker, certificates and keys.</param>
/// <param name="Gpio">The rig's own GPIO chip and driver.</param>
/// <param name="Drives">Rig outputs → panel inputs.</param>
/// <param name="Watches">Rig inputs ← panel outputs.</param>
public sealed record RigMap(
    string Source, string PanelConfigPath, string PanelId, string StationConfigPath, GpioOptions Gpio,
    IReadOnlyList<RigDrive> Drives, IReadOnlyList<RigWatch> Watches)
{
    /// <summary>The longest <c>advance</c> the rig waits out in real time; longer ones are skipped (P92D is not a test).</summary>
    public TimeSpan AdvanceCap { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>How long past an expect's window the rig keeps listening for events still on their way.</summary>
    public TimeSpan DeliveryGrace { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>How long the rig waits for the panel's answer to a station command.</summary>
    public TimeSpan CommandTimeout { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>The panel file as loaded, set once the map was checked against it (<see cref="RigMapChecks"/>).</summary>
    public PanelAgent.Options.PanelConfig? Panel { get; init; }

    /// <summary>The line that drives <paramref name="signal"/> of <paramref name="zone"/>, if the rig has one.</summary>
    public RigDrive? Drive(string zone, RigSignal signal) => Drives.FirstOrDefault(d => d.Zone == zone && d.Signal == signal);

    public RigWatch? Watch(string output) => Watches.FirstOrDefault(w => w.Output == output);
}

/// <summary>A rig output line wired to one panel input. <paramref name="ActiveLow"/>: the active level is low
/// (normal high), as the panel reads that input.</summary>
public sealed record RigDrive(int Line, string Zone, RigSignal Signal, bool ActiveLow);

/// <summary>A rig input line wired to a panel output (<c>siren</c>, <c>lock</c>, <c>plug</c>).</summary>
public sealed record RigWatch(int Line, string Output, bool ActiveLow);

/// <summary>What a rig output line does to a zone.</summary>
public enum RigSignal
{
    /// <summary>The detector's contact: active opens the zone.</summary>
    Detector,

    /// <summary>The detector's tamper switch.</summary>
    Tamper,

    /// <summary>A relay that breaks the zone's wiring, so the panel cannot read it (a line fault).</summary>
    Fault,
}
