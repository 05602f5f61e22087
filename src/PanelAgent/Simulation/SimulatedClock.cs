namespace PanelAgent.Simulation;

/// <summary>
/// Simulation only: the panel's wall clock, which the fault campaign can jump (an RTC reset, a wrong NTP answer) and
/// make drift (a crystal running fast or slow). Only <see cref="GetUtcNow"/> is changed: timestamps, timers and delays
/// stay on the monotonic clock, as they do on Linux when CLOCK_REALTIME jumps. Chosen over libfaketime because it
/// needs no preload and changes nothing but the wall clock the code reads through its injected TimeProvider.
/// </summary>
public sealed class SimulatedClock(TimeProvider inner) : TimeProvider
{
    private readonly Lock _gate = new();
    private DateTimeOffset _realAnchor = inner.GetUtcNow();
    private DateTimeOffset _fakeAnchor = inner.GetUtcNow();
    private double _rate = 1.0;

    /// <summary>How far the panel's clock is from the real one now (positive: ahead).</summary>
    public TimeSpan Offset => GetUtcNow() - inner.GetUtcNow();

    public override TimeZoneInfo LocalTimeZone => inner.LocalTimeZone;

    public override long TimestampFrequency => inner.TimestampFrequency;

    public override DateTimeOffset GetUtcNow()
    {
        var real = inner.GetUtcNow();
        lock (_gate)
        {
            return _fakeAnchor + (real - _realAnchor) * _rate;
        }
    }

    public override long GetTimestamp() => inner.GetTimestamp();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        inner.CreateTimer(callback, state, dueTime, period);

    /// <summary>Moves the wall clock by <paramref name="by"/> at once.</summary>
    public void Jump(TimeSpan by)
    {
        lock (_gate)
        {
            Rebase();
            _fakeAnchor += by;
        }
    }

    /// <summary>From now on the wall clock advances <paramref name="rate"/> seconds per real second (1: no drift).</summary>
    public void SetRate(double rate)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rate);
        lock (_gate)
        {
            Rebase();
            _rate = rate;
        }
    }

    private void Rebase()
    {
        var real = inner.GetUtcNow();
        _fakeAnchor += (real - _realAnchor) * _rate;
        _realAnchor = real;
    }
}
