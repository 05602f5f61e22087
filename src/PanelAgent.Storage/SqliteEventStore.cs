using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using PanelAgent.Core.Events;
using PanelAgent.Core.Ports;
using PanelAgent.Core.Retention;
using PanelAgent.Core.State;
using PanelAgent.Storage.Serialization;
using PanelAgent.Storage.Sqlite;

namespace PanelAgent.Storage;

/// <summary>
/// The durable event log, arm/disarm log, alarm history, engine state and users in one SQLite file (WAL,
/// synchronous=FULL). One connection serves writes and reads under one lock: the panel has a single writer, and
/// the alarm path stays a short critical section of prepared statements and one fsync. Open it with
/// <see cref="SqliteStoreOpener"/>.
/// </summary>
public sealed partial class SqliteEventStore : IPanelStore, IOutbox
{
    private readonly Lock _gate = new();
    private readonly SqliteConnectionFactory _factory;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly int _outboxCapacity;
    private WriterStatements? _writer;
    private bool _disposed;

    internal SqliteEventStore(SqliteConnection connection, SqliteConnectionFactory factory, TimeProvider time,
        ILogger logger, int outboxCapacity)
    {
        _outboxCapacity = outboxCapacity;
        _writer = new WriterStatements(connection);
        _factory = factory;
        _time = time;
        _logger = logger;
    }

    /// <summary>
    /// True when the last <see cref="LoadState"/> found a stored state it could not read and returned null; the host
    /// raises trouble.storage. The next successful <see cref="Commit"/> overwrites the unreadable state.
    /// </summary>
    public bool StateUnreadable { get; private set; }

    public PanelState? LoadState() => Run("load state", connection =>
    {
        StateUnreadable = false;
        if (SqliteSql.Scalar(connection, "SELECT json FROM panel_state WHERE id = 1") is not string json)
        {
            return null;
        }

        if (PanelStateJson.TryDeserialize(json, out var state, out var error))
        {
            return state;
        }

        StateUnreadable = true;
        StorageLog.StateUnreadable(_logger, error!);
        return null;
    });

    public IReadOnlyList<StoredEvent> Commit(IReadOnlyList<PanelEvent> events, PanelState state)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(state);
        // Serialized before taking the lock: the critical section is SQL and the fsync only.
        var json = PanelStateJson.Serialize(state);
        var (stored, dropped) = Write("commit", writer =>
        {
            var batch = WriteBatch(writer, events, json);
            // In the same transaction, so not even a crash leaves the outbox above capacity (alarms apart).
            return (batch, EnforceOutboxCapacity(writer.Connection, batch.Count));
        });
        if (stored.Count > 0)
        {
            StorageLog.Committed(_logger, stored.Count, stored[^1].Sequence);
        }

        if (dropped > 0)
        {
            StorageLog.OutboxDropped(_logger, dropped, _outboxCapacity);
        }

        return stored;
    }

    /// <summary>
    /// Runs the full <c>PRAGMA integrity_check</c> (slow on a large file: for crash tests and the technician, not
    /// for start-up). True when SQLite reports "ok".
    /// </summary>
    public bool IntegrityCheck()
    {
        try
        {
            var problem = Run("integrity check", connection => SqliteSql.CheckProblems(connection, "integrity_check"));
            if (problem is not null)
            {
                StorageLog.IntegrityProblem(_logger, problem);
            }

            return problem is null;
        }
        catch (StorageUnavailableException)
        {
            return false;
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            CloseConnection();
        }
    }

    /// <summary>Test hook: a scalar query on the store's own connection (per-connection pragmas, limits).</summary>
    internal object? ScalarOnStoreConnection(string sql) => Run("test query", c => SqliteSql.Scalar(c, sql));

    private List<StoredEvent> WriteBatch(WriterStatements writer, IReadOnlyList<PanelEvent> events, string json)
    {
        var stored = new List<StoredEvent>(events.Count);
        var armLogged = false;
        foreach (var panelEvent in events)
        {
            var sequence = writer.InsertEvent(panelEvent);
            armLogged |= writer.FileUnderLog(panelEvent.Category, sequence);
            stored.Add(new StoredEvent(sequence, panelEvent));
        }

        if (armLogged)
        {
            writer.TrimArmLog(RetentionPolicy.MaxArmLogEntries);
        }

        writer.SaveState(json, StorageFormat.ToUnixMs(_time.GetUtcNow()));
        return stored;
    }
}
