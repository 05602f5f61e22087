using System.Diagnostics;

namespace PanelAgent.Hil.Tests.Rig;

/// <summary>
/// A clock that runs <c>factor</c> times faster than the real one, shared by the panel, the station and the rig in
/// the back-to-back test, so a scenario's 30 s exit delay is a real wait of 30 s / factor. Timers (and so
/// Task.Delay and CancellationTokenSource on this provider) fire after their time divided by the factor.
/// </summary>
internal sealed class ScaledTimeProvider(double factor) : TimeProvider
{
    private readonly DateTimeOffset _origin = DateTimeOffset.UtcNow;
    private readonly long _start = Stopwatch.GetTimestamp();

    public override DateTimeOffset GetUtcNow() => _origin + (Stopwatch.GetElapsedTime(_start) * factor);

    public override long TimestampFrequency => Stopwatch.Frequency;

    public override long GetTimestamp() => (long)((Stopwatch.GetTimestamp() - _start) * factor);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        new ScaledTimer(System.CreateTimer(callback, state, Scale(dueTime), Scale(period)), this);

    private TimeSpan Scale(TimeSpan t) => t <= TimeSpan.Zero ? t : t / factor;

    private sealed class ScaledTimer(ITimer inner, ScaledTimeProvider clock) : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => inner.Change(clock.Scale(dueTime), clock.Scale(period));

        public void Dispose() => inner.Dispose();

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
