using System.Diagnostics;

namespace PanelAgent.Faults;

/// <summary>
/// The water-leak zone (on the MCP23017 expander, 50 ms debounce) chattering at 1 kHz for 2 s while mains changes
/// 100 times on the SoC: every mains change must be logged and sent, and the chatter must not get through the
/// debounce (spurious water events are noted, not counted as lost). Then one clean water leak and its end.
/// </summary>
internal sealed class ChatterFault : IFault
{
    public const string Title = "zone chattering at 1 kHz";
    private const int MainsChanges = 100;

    public string Name => Title;

    public async Task RunAsync(FaultRig rig, int cycles, Random random, RowMeter meter)
    {
        await rig.StartAgentAsync();
        await using var second = await SimControl.ConnectAsync(rig.ControlPath, rig.Settings.Patience);
        long spurious = 0;
        string? rate = null;
        for (var cycle = 1; cycle <= cycles; cycle++)
        {
            var (mains, water) = (rig.ZoneEvents("mains"), rig.ZoneEvents("water-leak"));
            var chatter = rig.Sim.SendAsync("pulse water-leak 2000 1");
            await second.SendAsync($"pulse mains {MainsChanges} 20");
            rate = await chatter;
            await rig.Sim.SendAsync("set water-leak active");
            await Task.Delay(300);
            await rig.Sim.SendAsync("set water-leak normal");
            var ended = Stopwatch.GetTimestamp();
            if (!await rig.UntilAsync(() => rig.ZoneEvents("mains") >= mains + MainsChanges && rig.ZoneEvents("water-leak") >= water + 2))
            {
                rig.Ledger.AddMissingInPanel(mains + MainsChanges - rig.ZoneEvents("mains"));
            }

            meter.Recovered(await rig.CaughtUpAsync(rig.MaxSeq(), ended, $"{Name}, cycle {cycle}"));
            spurious += Math.Max(0, rig.ZoneEvents("water-leak") - water - 2);
            rig.Settings.Progress($"  chatter {cycle}/{cycles}: {rate}");
        }

        meter.Note($"chatter {rate?["ok ".Length..]}; {spurious} spurious water events");
    }
}
