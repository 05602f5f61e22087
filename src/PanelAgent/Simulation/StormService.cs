using PanelAgent.Core.Zones;

namespace PanelAgent.Simulation;

/// <summary>
/// Simulation only: toggles one zone as fast as asked, on a thread of its own, through the simulated driver and the
/// real adapters. Used by the crash test (SIGKILL during a storm) and benchmarks.
/// </summary>
public sealed class StormService(SimulatedHardwareSource hardware, string zone, TimeSpan interval) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.Factory.StartNew(
        () => Storm(stoppingToken), stoppingToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    private void Storm(CancellationToken stoppingToken)
    {
        var active = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            active = !active;
            hardware.Board.SetZone(zone, active ? ZoneCondition.Active : ZoneCondition.Normal);
            stoppingToken.WaitHandle.WaitOne(interval);
        }
    }
}
