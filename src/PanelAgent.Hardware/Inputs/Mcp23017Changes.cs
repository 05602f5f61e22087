namespace PanelAgent.Hardware.Inputs;

/// <summary>Turns one <see cref="Mcp23017Scan"/> into the level changes of the configured lines, in order.</summary>
internal static class Mcp23017Changes
{
    /// <summary>
    /// For each line: first the level INTCAP latched at the interrupt when INTF flags the line and it differs from
    /// <paramref name="before"/> (the first half of a pulse that may be over by now), then the level now if it differs
    /// from that. A pulse shorter than the interrupt latency thus yields both of its edges.
    /// </summary>
    public static IEnumerable<LineChange> Find(ushort before, Mcp23017Scan scan, IReadOnlyList<ZoneLine> lines)
    {
        foreach (ZoneLine line in lines)
        {
            int bit = 1 << line.Pin;
            bool high = (before & bit) != 0;
            if ((scan.Flagged & bit) != 0 && ((scan.Captured & bit) != 0) != high)
            {
                high = !high;
                yield return new LineChange(line, high, Latched: true);
            }

            if (((scan.Now & bit) != 0) != high)
            {
                yield return new LineChange(line, !high, Latched: false);
            }
        }
    }
}
