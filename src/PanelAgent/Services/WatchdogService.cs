
namespace PanelAgent.Services;

/// <summary>
/// Our own WATCHDOG=1 (AddSystemd never sends it): at half of WATCHDOG_USEC, and only while <see cref="PanelHealth"/>
/// says the engine and the input loop check in. A stuck panel stops pinging and systemd restarts it.
/// </summary>
public sealed partial class WatchdogService(
    PanelHealth health, IWatchdogNotifier notifier, TimeProvider time, ILogger<WatchdogService> logger,
    Func<TimeSpan?> pingInterval) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (pingInterval() is not { } interval)
        {
            return;
        }

        using var timer = new PeriodicTimer(interval, time);
        do
        {
            if (health.IsAlive())
            {
                notifier.Notify("WATCHDOG=1");
            }
            else
            {
                Unhealthy(logger);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    [LoggerMessage(4020, LogLevel.Error, "Panel not healthy: watchdog ping withheld")]
    private static partial void Unhealthy(ILogger logger);
}
