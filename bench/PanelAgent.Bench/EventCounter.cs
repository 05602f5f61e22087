using System.Diagnostics;

namespace PanelAgent.Bench;

/// <summary>
/// Counts the bench zone's events as the panel raises them (on the pump's thread) and lets the benchmark thread wait
/// for the n-th one. One wake-up per wait, not per event: a waiter woken for every event would put a futex call on
/// the pump's path and slow the very thing being measured.
/// </summary>
internal sealed class EventCounter : IDisposable
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(10);
    private readonly ManualResetEventSlim _reached = new();
    private long _count;
    private long _waitingFor = long.MaxValue;
    private long _lastAt;

    public long Count => Interlocked.Read(ref _count);

    /// <summary>Stopwatch timestamp of the last event counted.</summary>
    public long LastAt => Volatile.Read(ref _lastAt);

    /// <summary>Called by the observer, first thing, with the moment the event was raised.</summary>
    public void Counted(long at)
    {
        Volatile.Write(ref _lastAt, at);
        if (Interlocked.Increment(ref _count) >= Volatile.Read(ref _waitingFor))
        {
            _reached.Set();
        }
    }

    /// <summary>Waits until <paramref name="count"/> events have been counted; a lost event is an error.</summary>
    public void WaitUntil(long count, string what)
    {
        Volatile.Write(ref _waitingFor, count);
        // Re-checked after every wake-up: a Set meant for an earlier wait may arrive late.
        while (Count < count)
        {
            if (!_reached.Wait(s_timeout) && Count < count)
            {
                throw new InvalidOperationException(
                    $"{what}: {Count} events after {s_timeout.TotalSeconds} s, expected {count}");
            }

            _reached.Reset();
        }

        Volatile.Write(ref _waitingFor, long.MaxValue);
    }

    /// <summary>Toggles once and waits for its event; milliseconds from before the toggle to the event.</summary>
    public double TimeOne(Action toggle, string what)
    {
        var expected = Count + 1;
        var start = Stopwatch.GetTimestamp();
        toggle();
        WaitUntil(expected, what);
        return Stats.Ms(start, LastAt);
    }

    public void Dispose() => _reached.Dispose();
}
