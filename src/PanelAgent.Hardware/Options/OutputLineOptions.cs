namespace PanelAgent.Hardware.Options;

/// <summary>One SoC output line.</summary>
public sealed class OutputLineOptions
{
    /// <summary>The SoC line.</summary>
    public int Line { get; set; }

    /// <summary>True when the output is on at a low level (e.g. a relay board with an inverting driver).</summary>
    public bool ActiveLow { get; set; }
}
