namespace PanelAgent.Hardware.Inputs;

/// <summary>One line's new level found by a scan.</summary>
/// <param name="Line">The line.</param>
/// <param name="High">The new level.</param>
/// <param name="Latched">True when the level comes from INTCAP (the moment of the interrupt), false when read now.</param>
internal readonly record struct LineChange(ZoneLine Line, bool High, bool Latched);
