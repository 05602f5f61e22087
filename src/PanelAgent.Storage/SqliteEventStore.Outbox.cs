using Microsoft.Data.Sqlite;
using PanelAgent.Core.Events;
using PanelAgent.Storage.Serialization;
using PanelAgent.Storage.Sqlite;

namespace PanelAgent.Storage;

/// <summary>
/// The outbox (IOutbox) over the event log itself: a row is pending while both <c>acked_at</c> and
/// <c>dropped_at</c> are NULL, and the partial index <c>events_outbox (priority, seq)</c> holds exactly those rows.
/// </summary>
/// <remarks>
/// Policy when full (docs/outbox.md): after each commit, if more than the capacity
/// (<see cref="StorageOptions.OutboxCapacity"/>) rows are pending, the excess is marked dropped in the same
/// transaction: heartbeats first, then operational, then arm/disarm, then trouble rows, oldest first within each class.
/// Alarm rows are never dropped, so a backlog of alarms alone may exceed the capacity. A dropped row stays in the log
/// (and its arm/disarm or alarm history entry) until retention removes it; it is only no longer sent. Drops are
/// counted in <c>outbox_drops</c> and logged (EventId 3016).
/// </remarks>
public sealed partial class SqliteEventStore
{
    private const string Pending = "e.acked_at IS NULL AND e.dropped_at IS NULL";

    private const string DropOldestOfPriority = $"""
        UPDATE events SET dropped_at = $now WHERE seq IN
            (SELECT e.seq FROM events e WHERE {Pending} AND e.priority = $priority ORDER BY e.seq LIMIT $limit)
        """;

    // The least important class first. EventPriority.Alarm is not in the list: an alarm is never dropped.
    private static readonly EventPriority[] s_dropOrder =
        [EventPriority.Heartbeat, EventPriority.Operational, EventPriority.ArmDisarm, EventPriority.Trouble];

    // Pending rows, cached so a commit need not count the index each time; null means "count again". It is set only
    // under _gate, and cleared whenever a transaction rolls back, the connection is replaced or retention ran. This
    // store is the file's only writer, so nothing else changes the count behind it.
    private int? _pendingCount;

    public int PendingCount => Run("outbox count", CountPending);

    // INDEXED BY: left alone, SQLite answers min(seq) by walking the table from seq 1, through every acknowledged
    // row still kept for retention (years of them); the partial index holds the pending rows only.
    public long OldestPendingSequence => Run("outbox oldest", connection => (long)SqliteSql.Scalar(connection,
        $"SELECT coalesce(min(e.seq), 0) FROM events e INDEXED BY events_outbox WHERE {Pending}")!);

    public long DroppedCount => Run("outbox drops", connection =>
        (long)SqliteSql.Scalar(connection, "SELECT coalesce((SELECT total FROM outbox_drops WHERE id = 1), 0)")!);

    public IReadOnlyList<StoredEvent> NextToSend(int max)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(max);
        return Run("outbox read", connection => Query(connection,
            $"SELECT {EventColumns} FROM events e WHERE {Pending} ORDER BY e.priority, e.seq LIMIT $max",
            ("$max", max)));
    }

    public bool Acknowledge(long sequence, DateTimeOffset at) =>
        Write("acknowledge", writer => MarkAcknowledged(writer.Connection, sequence, StorageFormat.ToUnixMs(at)));

    public IReadOnlyList<long> AcknowledgeMany(IReadOnlyList<long> sequences, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(sequences);
        var atMs = StorageFormat.ToUnixMs(at);
        return sequences.Count == 0 ? [] : Write("acknowledge", writer =>
            sequences.Where(sequence => MarkAcknowledged(writer.Connection, sequence, atMs)).ToList());
    }

    private bool MarkAcknowledged(SqliteConnection connection, long sequence, long atMs)
    {
        // Only a pending row changes, so a repeated or late acknowledgement is a no-op that returns false.
        var changed = SqliteSql.Execute(connection,
            $"UPDATE events AS e SET acked_at = $at WHERE e.seq = $seq AND {Pending}",
            ("$at", atMs), ("$seq", sequence)) == 1;
        if (changed && _pendingCount is { } pending)
        {
            _pendingCount = pending - 1;
        }

        return changed;
    }

    private int CountPending(SqliteConnection connection) => _pendingCount ??=
        checked((int)(long)SqliteSql.Scalar(connection, $"SELECT count(*) FROM events e WHERE {Pending}")!);

    /// <summary>Inside the commit's transaction, after <paramref name="added"/> rows were inserted.</summary>
    private int EnforceOutboxCapacity(SqliteConnection connection, int added)
    {
        var pending = _pendingCount is { } known ? known + added : CountPending(connection);
        var dropped = pending > _outboxCapacity ? DropForCapacity(connection, pending - _outboxCapacity) : 0;
        _pendingCount = pending - dropped;
        return dropped;
    }

    private int DropForCapacity(SqliteConnection connection, int excess)
    {
        var now = StorageFormat.ToUnixMs(_time.GetUtcNow());
        var dropped = 0;
        // One indexed range per class, (priority = p, seq ascending), rather than one ORDER BY priority DESC, seq:
        // once full, every commit drops a few rows, and this keeps that from sorting the whole outbox each time.
        foreach (var priority in s_dropOrder)
        {
            if (dropped == excess)
            {
                break;
            }

            dropped += SqliteSql.Execute(connection, DropOldestOfPriority,
                ("$now", now), ("$priority", (int)priority), ("$limit", excess - dropped));
        }

        if (dropped > 0)
        {
            SqliteSql.Execute(connection, """
                INSERT INTO outbox_drops (id, total) VALUES (1, $dropped)
                ON CONFLICT (id) DO UPDATE SET total = total + excluded.total
                """, ("$dropped", dropped));
        }

        return dropped;
    }
}
