namespace PanelAgent.Hardware.Inputs;

/// <summary>One read of an MCP23017's interrupt and port registers, bit n = line n.</summary>
/// <param name="Flagged">INTF: the lines that raised the pending interrupt.</param>
/// <param name="Captured">INTCAP: the port as latched when the interrupt was raised.</param>
/// <param name="Now">GPIO: the port now.</param>
internal readonly record struct Mcp23017Scan(ushort Flagged, ushort Captured, ushort Now);
