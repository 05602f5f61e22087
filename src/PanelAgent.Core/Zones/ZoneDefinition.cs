namespace PanelAgent.Core.Zones;

/// <summary>A zone as the alarm logic sees it: no pins, no addresses.</summary>
/// <param name="Id">Stable id used in events (e.g. "front-door"); never a person's name.</param>
/// <param name="Type">The zone type.</param>
/// <param name="TechnicalKind">For <see cref="ZoneType.Technical"/> zones: the trouble kind ("mains", "battery", "water").</param>
/// <param name="Debounce">How long a new input level must hold before it counts.</param>
public sealed record ZoneDefinition(string Id, ZoneType Type, string? TechnicalKind, TimeSpan Debounce)
{
    /// <summary>24 h zones alarm (or report) in every state, armed or not.</summary>
    public bool Is24Hour => Type is ZoneType.Fire or ZoneType.Panic or ZoneType.Silent or ZoneType.Tamper or ZoneType.Technical;

    /// <summary>Zones that are armed in away mode.</summary>
    public bool IsIntrusion => Type is ZoneType.Entry or ZoneType.Perimeter or ZoneType.Interior or ZoneType.CameraPir;

    /// <summary>Zones armed in home mode: the shell of the house only.</summary>
    public bool IsArmedInHome => Type is ZoneType.Entry or ZoneType.Perimeter;
}
