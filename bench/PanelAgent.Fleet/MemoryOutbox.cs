using PanelAgent.Core.Events;
using PanelAgent.Core.Ports;

namespace PanelAgent.Fleet;

/// <summary>
/// A simulated panel's outbox, in memory: the fleet measures the link and the station side, not the panel's SQLite
/// (scripts/bench.sh core and link measure that). Same contract as the SQLite outbox: rows come back in sequence
/// order until the station acknowledges them; nothing is ever dropped. Thread-safe.
/// </summary>
internal sealed class MemoryOutbox : IOutbox
{
    private readonly Lock _lock = new();
    private readonly SortedDictionary<long, StoredEvent> _pending = [];
    private long _next;

    public int PendingCount
    {
        get { lock (_lock) { return _pending.Count; } }
    }

    public long OldestPendingSequence
    {
        get { lock (_lock) { return _pending.Count == 0 ? 0 : _pending.Keys.First(); } }
    }

    public long DroppedCount => 0;

    /// <summary>Sequences handed out so far (the panel's log length).</summary>
    public long Committed
    {
        get { lock (_lock) { return _next; } }
    }

    /// <summary>Appends one event and returns its sequence (from 1, as the durable log numbers them).</summary>
    public long Commit(PanelEvent panelEvent)
    {
        lock (_lock)
        {
            var sequence = ++_next;
            _pending.Add(sequence, new StoredEvent(sequence, panelEvent));
            return sequence;
        }
    }

    /// <summary>All simulated events share one priority class, so send order is sequence order.</summary>
    public IReadOnlyList<StoredEvent> NextToSend(int max)
    {
        lock (_lock)
        {
            return [.. _pending.Values.Take(max)];
        }
    }

    public bool Acknowledge(long sequence, DateTimeOffset at)
    {
        lock (_lock)
        {
            return _pending.Remove(sequence);
        }
    }

    public IReadOnlyList<long> AcknowledgeMany(IReadOnlyList<long> sequences, DateTimeOffset at)
    {
        lock (_lock)
        {
            return [.. sequences.Where(_pending.Remove)];
        }
    }
}
