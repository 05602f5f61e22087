using System.Diagnostics;

namespace PanelAgent.Faults;

/// <summary>
/// The data directory's filesystem filled while 400 mains changes and a panic alarm arrive; the panel must hold
/// what it cannot write (trouble.storage), keep the alarm path working, and write and send all of it once space
/// returns. Events the inputs caused but the panel never logged count as lost too.
/// </summary>
internal sealed class DiskFullFault : IFault
{
    public const string Title = "disk full while alarms arrive";
    private const int Changes = 400;

    public string Name => Title;

    public long? DiskBytes => 24L * 1024 * 1024;

    public async Task RunAsync(FaultRig rig, int cycles, Random random, RowMeter meter)
    {
        meter.Note(rig.Disk!.Method);
        await rig.StartAgentAsync();
        var failedCycles = 0;
        for (var cycle = 1; cycle <= cycles; cycle++)
        {
            var mains = rig.ZoneEvents("mains");
            var storageTroubles = rig.KindEvents("trouble.storage");
            await rig.Disk.FillAsync(rig.Agent!.Id);
            await rig.Sim.SendAsync($"pulse mains {Changes} 2");
            await rig.Sim.SendAsync("set bedroom-panic active");
            await Task.Delay(random.Next(200, 1500));
            await rig.Sim.SendAsync("set bedroom-panic normal");
            rig.Disk.Free();
            var freed = Stopwatch.GetTimestamp();
            if (!await rig.UntilAsync(() => rig.ZoneEvents("mains") >= mains + Changes))
            {
                rig.Ledger.AddMissingInPanel(mains + Changes - rig.ZoneEvents("mains"));
                meter.Note($"cycle {cycle}: {mains + Changes - rig.ZoneEvents("mains")} mains changes never logged");
            }

            meter.Recovered(await rig.CaughtUpAsync(rig.MaxSeq(), freed, $"{Name}, cycle {cycle}"));
            failedCycles += rig.KindEvents("trouble.storage") > storageTroubles ? 1 : 0;
            rig.Settings.Progress($"  disk full {cycle}/{cycles}: storage trouble raised so far in {failedCycles} cycle(s)");
        }

        meter.Note($"trouble.storage raised in {failedCycles} of {cycles} cycles");
    }
}
