namespace PanelAgent.Core.Zones;

/// <summary>The debounced condition of a zone, combining its detector line, its tamper line and read faults.</summary>
public enum ZoneCondition
{
    /// <summary>Closed / quiet.</summary>
    Normal,
    /// <summary>Open / triggered (door open, motion, smoke, button pressed...).</summary>
    Active,
    /// <summary>The part's tamper switch is open.</summary>
    Tamper,
    /// <summary>The input cannot be read (bus or line error).</summary>
    Fault,
}
