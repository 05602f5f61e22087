namespace PanelAgent.Protocol.Replay;

/// <summary>
/// The panel's protocol clock: its own clock plus the offset learnt from the station's acknowledgements. The sealer
/// stamps with it and the panel's <see cref="ReplayGuard"/> judges downlink freshness by it, so once a drifting panel
/// has corrected its offset, the station's commands and acknowledgements fall inside its window again.
/// </summary>
public sealed class OffsetClock(TimeProvider inner, Func<TimeSpan> offset) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => inner.GetUtcNow() + offset();

    public override long GetTimestamp() => inner.GetTimestamp();

    public override long TimestampFrequency => inner.TimestampFrequency;

    public override TimeZoneInfo LocalTimeZone => inner.LocalTimeZone;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        inner.CreateTimer(callback, state, dueTime, period);
}
