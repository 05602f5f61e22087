using PanelAgent.Core.Ports;

namespace PanelAgent.Core.Retention;

/// <summary>
/// Applies the retention rules at start and then daily (P7, P8). A one-shot timer re-armed after each run, so a
/// clock that jumps ahead by months prunes once, with the cut-offs of the new "now".
/// </summary>
public sealed class RetentionScheduler : IDisposable
{
    public static readonly TimeSpan Interval = TimeSpan.FromDays(1);

    private readonly IRetentionStore _store;
    private readonly RetentionPolicy _policy;
    private readonly TimeProvider _time;
    private readonly ITimer _timer;

    public RetentionScheduler(IRetentionStore store, RetentionPolicy policy, TimeProvider time)
    {
        _store = store;
        _policy = policy;
        _time = time;
        _timer = time.CreateTimer(_ => RunSafely(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>The result of the last run, or null when it failed (storage trouble is the panel's to report).</summary>
    public PruneResult? Last { get; private set; }

    /// <summary>Prunes now and schedules the next run a day later.</summary>
    public PruneResult? Run()
    {
        RunSafely();
        return Last;
    }

    public void Dispose() => _timer.Dispose();

    private void RunSafely()
    {
        try
        {
            Last = _store.Prune(_time.GetUtcNow(), _policy);
        }
        catch (StorageUnavailableException)
        {
            Last = null; // retried at the next run; the event path raises trouble.storage on its own failures
        }

        _timer.Change(Interval, Timeout.InfiniteTimeSpan);
    }
}
