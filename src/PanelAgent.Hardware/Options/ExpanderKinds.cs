namespace PanelAgent.Hardware.Options;

/// <summary>The accepted values of <see cref="ExpanderOptions.Kind"/>.</summary>
public static class ExpanderKinds
{
    /// <summary>Microchip MCP23017, 16 lines.</summary>
    public const string Mcp23017 = "mcp23017";

    /// <summary>Lines per MCP23017.</summary>
    public const int Mcp23017Lines = 16;
}
