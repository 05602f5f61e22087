using System.Diagnostics;

namespace PanelAgent.Faults;

/// <summary>
/// The shape of the faults injected around a running storm (broker, link, station): storm mains every 20 ms, and in
/// each cycle wait a random while, break something for a random while, mend it, and time until the station has
/// every event persisted up to the mend.
/// </summary>
internal abstract class StormFault : IFault
{
    public abstract string Name { get; }

    public async Task RunAsync(FaultRig rig, int cycles, Random random, RowMeter meter)
    {
        await rig.StartAgentAsync("mains", 20);
        for (var cycle = 1; cycle <= cycles; cycle++)
        {
            await Task.Delay(random.Next(500, 2500));
            await BreakAsync(rig, cycle);
            try
            {
                await Task.Delay(random.Next(500, 3000));
            }
            finally
            {
                await MendAsync(rig, cycle);
            }

            var mended = Stopwatch.GetTimestamp();
            var through = rig.MaxSeq();
            meter.Recovered(await rig.CaughtUpAsync(through, mended, $"{Name}, cycle {cycle}"));
            rig.Settings.Progress($"  {Name} {cycle}/{cycles}: caught up through seq {through}");
        }
    }

    protected abstract Task BreakAsync(FaultRig rig, int cycle);

    protected abstract Task MendAsync(FaultRig rig, int cycle);
}
