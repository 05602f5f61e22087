namespace PanelAgent.Hardware.Options;

/// <summary>The I2C input expander.</summary>
public sealed class ExpanderOptions
{
    /// <summary>The chip; only <c>mcp23017</c> is supported.</summary>
    public string Kind { get; set; } = ExpanderKinds.Mcp23017;

    /// <summary>The I2C bus number (<c>/dev/i2c-N</c>).</summary>
    public int Bus { get; set; } = 1;

    /// <summary>The 7-bit I2C address; the MCP23017 answers on 0x20-0x27 (A2..A0 pins).</summary>
    public int Address { get; set; } = 0x20;

    /// <summary>
    /// The SoC line wired to the expander's INTA output (the chip is set to mirror INTB onto it).
    /// Null: no interrupt wiring, the expander is polled every <see cref="PollInterval"/>.
    /// </summary>
    public int? InterruptLine { get; set; }

    /// <summary>How often to poll when there is no <see cref="InterruptLine"/>.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(50);
}
