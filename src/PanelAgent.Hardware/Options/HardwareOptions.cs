namespace PanelAgent.Hardware.Options;

/// <summary>
/// The panel's wiring: which GPIO chip and driver, the I2C expander, which line each zone's detector and tamper
/// switch is on, and the output lines. Bound from the <c>Hardware</c> section (hardware/panels/*.json).
/// </summary>
public sealed class HardwareOptions
{
    /// <summary>The configuration section this binds from.</summary>
    public const string SectionName = "Hardware";

    /// <summary>The SoC GPIO chip and driver.</summary>
    public GpioOptions Gpio { get; set; } = new();

    /// <summary>The I2C input expander, or null when every zone is on the SoC.</summary>
    public ExpanderOptions? Expander { get; set; }

    /// <summary>One entry per zone.</summary>
    public List<ZoneInputOptions> Inputs { get; set; } = [];

    /// <summary>Output lines (SoC only).</summary>
    public OutputsOptions Outputs { get; set; } = new();

    /// <summary>How often every input is re-read to catch lost edges and a dead event loop (STYLE.md §2).</summary>
    public TimeSpan RereadInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Capacity of the bounded edge queue between the input callbacks and debounce.</summary>
    public int QueueCapacity { get; set; } = 1024;

    /// <summary>
    /// Checks the whole section. Every message starts with the JSON path of the field it is about,
    /// e.g. <c>Hardware:Inputs[3]:Line: line 5 is used twice (front-door, back-door)</c>. Empty when valid.
    /// </summary>
    public IEnumerable<string> Validate() => HardwareOptionsValidator.Check(this);
}
