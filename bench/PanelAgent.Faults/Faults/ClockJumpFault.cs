using System.Diagnostics;

namespace PanelAgent.Faults;

/// <summary>
/// The panel's wall clock jumped by an hour (+1 h, -1 h, -1 h, +1 h in turn: ahead, right, behind, right) through the
/// simulation control's injected clock, then 50 mains changes. The station's replay window is -40 s/+20 s, so the
/// panel must learn the station's time from its answers and correct. Recovery: from the jump to everything acked.
/// </summary>
internal sealed class ClockJumpFault : IFault
{
    public const string Title = "wall clock jumps +/-1 h";
    private static readonly int[] s_jumps = [3600, -3600, -3600, 3600];

    public string Name => Title;

    public async Task RunAsync(FaultRig rig, int cycles, Random random, RowMeter meter)
    {
        await rig.StartAgentAsync();
        for (var cycle = 1; cycle <= cycles; cycle++)
        {
            var jump = s_jumps[(cycle - 1) % s_jumps.Length];
            var jumped = Stopwatch.GetTimestamp();
            var offset = await rig.Sim.SendAsync($"clock jump {jump}");
            await rig.Sim.SendAsync($"pulse mains 50 {random.Next(5, 20)}");
            meter.Recovered(await rig.CaughtUpAsync(rig.MaxSeq(), jumped, $"{Name}, cycle {cycle} ({jump:+0;-0} s)"));
            rig.Settings.Progress($"  clock {cycle}/{cycles}: {offset}");
        }
    }
}
