namespace PanelAgent.Core.Inputs;

/// <summary>
/// One raw edge as stamped by an input callback, before debounce.
/// <paramref name="Active"/> is already corrected for active-low/active-high wiring.
/// <paramref name="Timestamp"/> is monotonic (<see cref="TimeProvider.GetTimestamp"/>), never wall-clock.
/// </summary>
public readonly record struct InputEdge(string ZoneId, InputLine Line, bool Active, long Timestamp);
