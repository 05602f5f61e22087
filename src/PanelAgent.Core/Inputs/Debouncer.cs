namespace PanelAgent.Core.Inputs;

/// <summary>
/// Debounce of one input line, in our own code (not the driver's): a new level counts only once it has held for the
/// debounce time, so contact bounce and pulses shorter than the debounce are ignored. Timestamps are monotonic.
/// </summary>
internal sealed class Debouncer(TimeSpan debounce, TimeProvider time, bool initial)
{
    private bool? _pending;
    private long _pendingSince;

    /// <summary>The accepted (debounced) level.</summary>
    public bool Stable { get; private set; } = initial;

    /// <summary>The level of the last edge seen, debounced or not.</summary>
    public bool LastSeen { get; private set; } = initial;

    public bool HasPending => _pending is not null;

    /// <summary>Monotonic timestamp of the last edge fed in (0 before any).</summary>
    public long LastEdgeAt { get; private set; }

    /// <summary>Takes a level read directly (at start-up) as stable, without debounce.</summary>
    public void Seed(bool level)
    {
        Stable = level;
        LastSeen = level;
        _pending = null;
    }

    /// <summary>Feeds one edge; returns true when the stable level changed at once (zero debounce).</summary>
    public bool OnEdge(bool active, long timestamp)
    {
        LastSeen = active;
        LastEdgeAt = Math.Max(LastEdgeAt, timestamp);
        if (active == Stable)
        {
            _pending = null;
            return false;
        }

        if (_pending != active)
        {
            _pending = active;
            _pendingSince = timestamp;
        }

        return Confirm(timestamp);
    }

    /// <summary>Accepts a pending level that has held long enough; returns true when the stable level changed.</summary>
    public bool Confirm(long now)
    {
        if (_pending is not { } level || now < DueAt())
        {
            return false;
        }

        Stable = level;
        _pending = null;
        return true;
    }

    /// <summary>The monotonic timestamp at which a pending level may be confirmed, if any.</summary>
    public long? DueAt() =>
        _pending is null ? null : _pendingSince + (long)Math.Ceiling(debounce.TotalSeconds * time.TimestampFrequency);
}
