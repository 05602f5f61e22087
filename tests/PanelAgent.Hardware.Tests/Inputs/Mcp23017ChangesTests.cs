using PanelAgent.Core.Inputs;
using PanelAgent.Hardware.Inputs;

namespace PanelAgent.Hardware.Tests.Inputs;

public class Mcp23017ChangesTests
{
    private static readonly ZoneLine[] s_lines =
    [
        new("water-leak", InputLine.Detector, 0, ActiveLow: false),
        new("hall-pir", InputLine.Detector, 9, ActiveLow: true),
    ];

    [Fact]
    public void Find_PulseOverBeforeTheScan_YieldsLatchedThenCurrentEdge()
    {
        var scan = new Mcp23017Scan(Flagged: 0x0001, Captured: 0x0201, Now: 0x0200);

        var changes = Mcp23017Changes.Find(before: 0x0200, scan, s_lines).ToList();

        Assert.Equal([new LineChange(s_lines[0], High: true, Latched: true), new LineChange(s_lines[0], High: false, Latched: false)], changes);
    }

    [Fact]
    public void Find_ChangeStillPresent_YieldsOnlyTheLatchedEdge()
    {
        var scan = new Mcp23017Scan(Flagged: 0x0200, Captured: 0x0000, Now: 0x0000);

        var changes = Mcp23017Changes.Find(before: 0x0200, scan, s_lines).ToList();

        Assert.Equal([new LineChange(s_lines[1], High: false, Latched: true)], changes);
    }

    [Fact]
    public void Find_NotFlaggedButChanged_YieldsCurrentEdge()
    {
        // A second line that changed while the interrupt was pending: INTF only keeps the first (datasheet §3.6).
        var scan = new Mcp23017Scan(Flagged: 0x0000, Captured: 0x0000, Now: 0x0001);

        var changes = Mcp23017Changes.Find(before: 0x0200, scan, s_lines).ToList();

        Assert.Equal([new LineChange(s_lines[0], High: true, Latched: false), new LineChange(s_lines[1], High: false, Latched: false)], changes);
    }

    [Fact]
    public void Find_NothingChanged_YieldsNothing()
    {
        var scan = new Mcp23017Scan(Flagged: 0x0000, Captured: 0x0000, Now: 0x0200);

        Assert.Empty(Mcp23017Changes.Find(before: 0x0200, scan, s_lines));
    }
}
