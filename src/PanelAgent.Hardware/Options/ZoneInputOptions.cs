namespace PanelAgent.Hardware.Options;

/// <summary>Where one zone's detector and tamper switch are wired.</summary>
public sealed class ZoneInputOptions
{
    /// <summary>The zone id, as in the zone definitions (never a person's name).</summary>
    public string Zone { get; set; } = "";

    /// <summary>True: the lines are on the I2C expander (0-15); false: on the SoC GPIO chip.</summary>
    public bool OnExpander { get; set; }

    /// <summary>The detector line.</summary>
    public int Line { get; set; }

    /// <summary>True when the detector is active at a low level (contact to ground, pull-up enabled).</summary>
    public bool ActiveLow { get; set; }

    /// <summary>The tamper line, on the same chip as <see cref="Line"/>; null when the part has none wired.</summary>
    public int? TamperLine { get; set; }

    /// <summary>True when the tamper switch is active (open) at a low level.</summary>
    public bool TamperActiveLow { get; set; }
}
