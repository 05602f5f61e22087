using System.Diagnostics;

namespace PanelAgent.Faults;

/// <summary>
/// The panel's clock drifting: odd cycles it runs 5x fast, even cycles at 0.2x, for the 10 s of 40 mains changes,
/// so the offset leaves the station's +20 s window within a cycle and keeps growing. Recovery: from the end of the
/// drift to everything acked.
/// </summary>
internal sealed class ClockDriftFault : IFault
{
    public const string Title = "panel clock drifting";

    public string Name => Title;

    public async Task RunAsync(FaultRig rig, int cycles, Random random, RowMeter meter)
    {
        await rig.StartAgentAsync();
        for (var cycle = 1; cycle <= cycles; cycle++)
        {
            await rig.Sim.SendAsync(cycle % 2 == 1 ? "clock rate 5" : "clock rate 0.2");
            await rig.Sim.SendAsync("pulse mains 40 250");
            var offset = await rig.Sim.SendAsync("clock rate 1");
            var ended = Stopwatch.GetTimestamp();
            meter.Recovered(await rig.CaughtUpAsync(rig.MaxSeq(), ended, $"{Name}, cycle {cycle}"));
            rig.Settings.Progress($"  drift {cycle}/{cycles}: {offset}");
        }

        meter.Note($"final offset {(await rig.Sim.SendAsync("clock"))["ok offset ".Length..]} s");
    }
}
