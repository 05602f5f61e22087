using System.Diagnostics;
using System.Globalization;

namespace PanelAgent.Faults;

/// <summary>
/// The GPIO event loop dies (the simulated driver stops calling back, as System.Device.Gpio's loop can die silently,
/// dotnet/iot#1210) while mains changes 6 times, each held longer than the panel's input re-read period. The
/// re-read must find every change. Recovery: from the last change to everything acked.
/// </summary>
internal sealed class EventLoopFault : IFault
{
    public const string Title = "GPIO event loop dies";
    private const int Changes = 6;

    public string Name => Title;

    public async Task RunAsync(FaultRig rig, int cycles, Random random, RowMeter meter)
    {
        await rig.StartAgentAsync();
        var hold = (int)(rig.Settings.Reread.TotalMilliseconds * 2.4);
        meter.Note(string.Create(CultureInfo.InvariantCulture, $"re-read every {rig.Settings.Reread.TotalMilliseconds} ms, each level held {hold} ms"));
        for (var cycle = 1; cycle <= cycles; cycle++)
        {
            var mains = rig.ZoneEvents("mains");
            await rig.Sim.SendAsync("gpio events off");
            await rig.Sim.SendAsync($"pulse mains {Changes} {hold}");
            var last = Stopwatch.GetTimestamp();
            var found = await rig.UntilAsync(() => rig.ZoneEvents("mains") >= mains + Changes);
            await rig.Sim.SendAsync("gpio events on");
            if (!found)
            {
                rig.Ledger.AddMissingInPanel(mains + Changes - rig.ZoneEvents("mains"));
                meter.Note($"cycle {cycle}: the re-read missed {mains + Changes - rig.ZoneEvents("mains")} changes");
            }

            meter.Recovered(await rig.CaughtUpAsync(rig.MaxSeq(), last, $"{Name}, cycle {cycle}"));
            rig.Settings.Progress($"  event loop {cycle}/{cycles}");
        }
    }
}
