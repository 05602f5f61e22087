using PanelAgent.Core.Events;

namespace PanelAgent.Core.Ports;

/// <summary>
/// The persisted events still owed to the alarm station. A row leaves the outbox only when the station's
/// authenticated end-to-end acknowledgement for its sequence arrives (a broker PUBACK is not a receipt), or when the
/// bounded outbox drops it to stay within capacity, which never happens to an alarm. Every member throws
/// <see cref="StorageUnavailableException"/> when the store cannot be read or written.
/// </summary>
public interface IOutbox
{
    /// <summary>Events neither acknowledged nor dropped.</summary>
    int PendingCount { get; }

    /// <summary>The lowest pending sequence, or 0 when nothing is pending (sequences start at 1).</summary>
    long OldestPendingSequence { get; }

    /// <summary>Events the bounded outbox has dropped since the store was created (never an alarm).</summary>
    long DroppedCount { get; }

    /// <summary>
    /// Up to <paramref name="max"/> pending events in send order: by <see cref="EventPriority"/> (alarms before
    /// trouble before arm/disarm before operational and heartbeats), then by sequence. Reading does not claim rows:
    /// the same rows come back until acknowledged, which is what resends them after a reconnect or a restart. The
    /// sender keeps track of what it has in flight.
    /// </summary>
    IReadOnlyList<StoredEvent> NextToSend(int max);

    /// <summary>
    /// Records the station's acknowledgement of <paramref name="sequence"/>, durably. Idempotent: true only the
    /// first time for a pending row; false for an unknown sequence, one already acknowledged, or one dropped.
    /// </summary>
    bool Acknowledge(long sequence, DateTimeOffset at);

    /// <summary>
    /// <see cref="Acknowledge(long, DateTimeOffset)"/> for every sequence of one station acknowledgement, in one durable
    /// step (one transaction, one fsync): a drained backlog is acknowledged in bursts. Returns the sequences that were
    /// pending, in the order given; all or none are recorded.
    /// </summary>
    IReadOnlyList<long> AcknowledgeMany(IReadOnlyList<long> sequences, DateTimeOffset at);
}
