using PanelAgent.Core.Zones;

namespace PanelAgent.Core.Inputs;

/// <summary>The debounced detector and tamper lines of one zone, and whether its input reads at all.</summary>
internal sealed class ZoneInputState(ZoneDefinition zone, TimeProvider time)
{
    public ZoneDefinition Zone { get; } = zone;

    public Debouncer Detector { get; } = new(zone.Debounce, time, initial: false);

    public Debouncer Tamper { get; } = new(zone.Debounce, time, initial: false);

    public bool Faulted { get; set; }

    public Debouncer Line(InputLine line) => line == InputLine.Tamper ? Tamper : Detector;

    /// <summary>Fault outranks tamper, tamper outranks the detector.</summary>
    public ZoneCondition Condition =>
        Faulted ? ZoneCondition.Fault
        : Tamper.Stable ? ZoneCondition.Tamper
        : Detector.Stable ? ZoneCondition.Active
        : ZoneCondition.Normal;
}
