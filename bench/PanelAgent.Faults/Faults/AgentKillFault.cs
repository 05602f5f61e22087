using System.Diagnostics;

namespace PanelAgent.Faults;

/// <summary>
/// SIGKILL of panel-agent at a random moment of a mains storm (a change every 20-40 ms, debounce zero), then a restart
/// with the storm on again. Recovery: from the restart to the station having everything persisted before the kill.
/// </summary>
internal sealed class AgentKillFault : IFault
{
    public const string Title = "agent SIGKILL in a storm";

    public string Name => Title;

    public async Task RunAsync(FaultRig rig, int cycles, Random random, RowMeter meter)
    {
        long beforeKill = 0;
        for (var cycle = 1; cycle <= cycles; cycle++)
        {
            var started = Stopwatch.GetTimestamp();
            await rig.StartAgentAsync("mains", random.Next(20, 41));
            if (beforeKill > 0)
            {
                meter.Recovered(await rig.CaughtUpAsync(beforeKill, started, $"cycle {cycle}: events persisted before the kill"));
            }

            await Task.Delay(random.Next(200, 2500));
            var code = await rig.StopAgentAsync("KILL");
            if (code != 128 + 9)
            {
                meter.Note($"cycle {cycle}: exit {code}, not SIGKILL's");
            }

            beforeKill = rig.Checkpoint();
            rig.Settings.Progress($"  kill {cycle}/{cycles}: {beforeKill} events persisted so far");
        }
    }
}
