using System.Globalization;

namespace PanelAgent.Services;

/// <summary>Reads systemd's watchdog environment (sd_watchdog_enabled(3)): ping at half of WATCHDOG_USEC, and only
/// when WATCHDOG_PID, if set, is this process.</summary>
public static class WatchdogSettings
{
    public static TimeSpan? PingInterval(Func<string, string?> environment, int processId)
    {
        if (!long.TryParse(environment("WATCHDOG_USEC"), NumberStyles.None, CultureInfo.InvariantCulture, out var usec)
            || usec <= 0)
        {
            return null;
        }

        var pid = environment("WATCHDOG_PID");
        if (pid is not null && pid != processId.ToString(CultureInfo.InvariantCulture))
        {
            return null;
        }

        return TimeSpan.FromMicroseconds(usec / 2.0);
    }
}
