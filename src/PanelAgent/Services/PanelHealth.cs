using PanelAgent.Runtime;

namespace PanelAgent.Services;

/// <summary>
/// Whether the panel deserves a watchdog ping: the engine takes its lock promptly, and the input supervisor has
/// completed a re-read recently (so the input side is not stuck either).
/// </summary>
public sealed class PanelHealth(RuntimeHolder holder, TimeProvider time, TimeSpan rereadInterval)
{
    private long _lastRuns = -1;
    private DateTimeOffset _lastAdvance = time.GetUtcNow();

    public bool IsAlive()
    {
        if (holder.Runtime is not { } runtime || !runtime.Panel.Ping(TimeSpan.FromSeconds(1)))
        {
            return false;
        }

        var runs = runtime.Supervisor.Runs;
        var now = time.GetUtcNow();
        if (runs != _lastRuns)
        {
            _lastRuns = runs;
            _lastAdvance = now;
        }

        return now - _lastAdvance <= (rereadInterval * 3) + TimeSpan.FromSeconds(1);
    }
}
