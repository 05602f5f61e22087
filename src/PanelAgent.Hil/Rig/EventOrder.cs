using PanelAgent.Core.Events;

namespace PanelAgent.Hil.Rig;

/// <summary>
/// Puts the panel's events back in sequence order as they reach the rig: the outbox sends the highest priority first
/// (issue 3 §3), so an alarm can overtake the event before it, and a scenario's expects follow the panel's order.
/// An event that has not come after <c>holeTimeout</c> (dropped by the outbox, acknowledged before the rig
/// listened) no longer holds back the ones behind it. The released list only grows: the runner keeps indexes into it.
/// </summary>
internal sealed class EventOrder(TimeProvider time, TimeSpan holeTimeout)
{
    private readonly Lock _gate = new();
    private readonly List<PanelEvent> _released = [];
    private readonly SortedDictionary<long, PanelEvent> _held = [];
    private readonly List<PanelEvent> _arrived = [];
    private readonly HashSet<long> _seen = [];
    private long? _next;
    private DateTimeOffset? _holeSince;

    public void Add(long seq, PanelEvent e)
    {
        lock (_gate)
        {
            if (!_seen.Add(seq))
            {
                return; // a resend the station printed twice would be one event twice
            }

            _arrived.Add(e);
            _next ??= seq;
            if (seq < _next)
            {
                _released.Add(e); // from before the rig's first event: shown late rather than lost
            }
            else
            {
                _held.TryAdd(seq, e);
            }

            Drain();
        }
    }

    /// <summary>The events in sequence order, as far as no event is missing.</summary>
    public IReadOnlyList<PanelEvent> Released()
    {
        lock (_gate)
        {
            Drain();
            return [.. _released];
        }
    }

    /// <summary>Every event in the order it arrived (command answers are looked for here, without waiting for order).</summary>
    public IReadOnlyList<PanelEvent> Arrived()
    {
        lock (_gate)
        {
            return [.. _arrived];
        }
    }

    private void Drain()
    {
        while (_next is { } next && _held.Remove(next, out var e))
        {
            _released.Add(e);
            _next = next + 1;
        }

        if (_held.Count == 0)
        {
            _holeSince = null;
            return;
        }

        var now = time.GetUtcNow();
        _holeSince ??= now;
        if (now - _holeSince.Value >= holeTimeout)
        {
            _next = _held.Keys.First();
            _holeSince = null;
            Drain();
        }
    }
}
