using System.Diagnostics;

namespace PanelAgent.GpioVm.Probe;

/// <summary>Real-time waits for the probe (it runs against a real kernel in real time, not under a fake clock).</summary>
public static class Waits
{
    private static readonly TimeSpan s_poll = TimeSpan.FromMilliseconds(2);

    /// <summary>Polls <paramref name="condition"/> until it holds or <paramref name="timeout"/> passes; returns the time taken, or null.</summary>
    public static async Task<TimeSpan?> UntilAsync(Func<bool> condition, TimeSpan timeout)
    {
        var watch = Stopwatch.StartNew();
        while (!condition())
        {
            if (watch.Elapsed > timeout)
            {
                return null;
            }

            await Task.Delay(s_poll).ConfigureAwait(false);
        }

        return watch.Elapsed;
    }

    /// <summary>Milliseconds with one decimal, for detail text.</summary>
    public static string Ms(TimeSpan? span) => span is { } s ? $"{s.TotalMilliseconds:0.0}ms" : "never";
}
