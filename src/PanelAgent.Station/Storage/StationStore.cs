using System.Globalization;
using Microsoft.Data.Sqlite;
using PanelAgent.Protocol.Payloads;
using PanelAgent.Protocol.Sealing;
using PanelAgent.Station.Receiving;

namespace PanelAgent.Station.Storage;

/// <summary>
/// The station instance's own SQLite file: every event received, keyed by (panel, seq), and the sealing boot epoch.
/// WAL with <c>synchronous=FULL</c> (DEPENDENCY-NOTES: NORMAL can lose the last commits on power loss), so a committed
/// insert is the durable receipt the ack stands for. One connection, used by one receive loop at a time. Thread-safe.
/// </summary>
public sealed class StationStore : INonceEpochStore, IAccessHeadMemory, IDisposable
{
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS events (
            panel TEXT NOT NULL,
            seq INTEGER NOT NULL,
            kind TEXT NOT NULL,
            zone TEXT,
            user INTEGER,
            detail TEXT,
            at TEXT NOT NULL,
            sia TEXT,
            cid TEXT,
            received TEXT NOT NULL,
            printed INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (panel, seq)
        ) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS epoch (id INTEGER PRIMARY KEY CHECK (id = 1), value INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS access_heads (
            panel TEXT NOT NULL,
            seq INTEGER NOT NULL,
            hash TEXT NOT NULL,
            PRIMARY KEY (panel, seq)
        );
        """;

    private readonly Lock _lock = new();
    private readonly SqliteConnection _connection;

    private StationStore(SqliteConnection connection)
    {
        _connection = connection;
    }

    public static StationStore Open(string path)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
        }.ToString());
        connection.Open();
        Execute(connection, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA busy_timeout=5000;");
        Execute(connection, Schema);
        AddPrintedColumn(connection);
        return new StationStore(connection);
    }

    /// <summary>
    /// Stores the event unless (panel, seq) is already there. True when it is new. Returns after the commit, so the
    /// caller may acknowledge either way: a duplicate was committed by an earlier call.
    /// </summary>
    public bool TryInsert(string panelId, EventPayload payload, DateTimeOffset received) =>
        TryInsertMany([(panelId, payload)], received)[0];

    /// <summary>
    /// <see cref="TryInsert"/> for a burst, in one transaction (one fsync): all are stored or none, and each flag says
    /// whether that event was new. A drained backlog arrives in bursts, and an fsync per event would cap the station.
    /// </summary>
    public bool[] TryInsertMany(IReadOnlyList<(string PanelId, EventPayload Payload)> events, DateTimeOffset received)
    {
        ArgumentNullException.ThrowIfNull(events);
        lock (_lock)
        {
            using var transaction = _connection.BeginTransaction();
            using var command = InsertCommand(transaction);
            var isNew = new bool[events.Count];
            for (var i = 0; i < events.Count; i++)
            {
                Bind(command, events[i].PanelId, events[i].Payload, received);
                isNew[i] = command.ExecuteNonQuery() == 1;
            }

            transaction.Commit();
            return isNew;
        }
    }

    /// <summary>
    /// For each (panel, seq): stored but its line not yet printed? A station killed between its commit and its line
    /// leaves such a row; the panel's resend (it got no ack) finds it here and the line is printed then. A read.
    /// </summary>
    public bool[] Unprinted(IReadOnlyList<(string PanelId, long Seq)> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        lock (_lock)
        {
            using var command = KeyCommand("SELECT EXISTS (SELECT 1 FROM events WHERE panel = $panel AND seq = $seq AND printed = 0)", null);
            var unprinted = new bool[keys.Count];
            for (var i = 0; i < keys.Count; i++)
            {
                (command.Parameters["$panel"].Value, command.Parameters["$seq"].Value) = keys[i];
                unprinted[i] = (long)command.ExecuteScalar()! == 1;
            }

            return unprinted;
        }
    }

    /// <summary>
    /// Records that these events' lines are out, in one transaction without an fsync of its own (synchronous=NORMAL
    /// for it alone; the next FULL commit syncs it too). It stands between the lines and the acks: losing it to a power
    /// cut costs at most a repeated line on a resend, never an event, so it need not wait for the disk.
    /// </summary>
    public void MarkPrinted(IReadOnlyList<(string PanelId, long Seq)> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        WithoutOwnFsync(transaction =>
        {
            using var command = KeyCommand("UPDATE events SET printed = 1 WHERE panel = $panel AND seq = $seq", transaction);
            foreach (var key in keys)
            {
                (command.Parameters["$panel"].Value, command.Parameters["$seq"].Value) = key;
                command.ExecuteNonQuery();
            }
        });
    }

    public IReadOnlyList<(long Seq, string Hash)> Load(string panelId)
    {
        try
        {
            return LoadHeads(panelId);
        }
        catch (SqliteException)
        {
            return []; // re-learnt from the next heartbeats
        }
    }

    private List<(long Seq, string Hash)> LoadHeads(string panelId)
    {
        lock (_lock)
        {
            using var command = _connection.CreateCommand();
            command.CommandText = "SELECT seq, hash FROM access_heads WHERE panel = $panel ORDER BY seq";
            command.Parameters.AddWithValue("$panel", panelId);
            using var reader = command.ExecuteReader();
            var heads = new List<(long, string)>();
            while (reader.Read())
            {
                heads.Add((reader.GetInt64(0), reader.GetString(1)));
            }

            return heads;
        }
    }

    /// <summary>
    /// Without an fsync of its own, like the printed mark: a head lost to a power cut is re-learnt from the next
    /// heartbeat, and a head is worth no wait on a receipt's disk.
    /// </summary>
    public void Save(string panelId, IReadOnlyList<(long Seq, string Hash)> heads)
    {
        ArgumentNullException.ThrowIfNull(heads);
        try
        {
            SaveHeads(panelId, heads);
        }
        catch (SqliteException)
        {
            // Kept in memory only until the next head moves.
        }
    }

    private void SaveHeads(string panelId, IReadOnlyList<(long Seq, string Hash)> heads) =>
        WithoutOwnFsync(transaction =>
        {
            using var clear = _connection.CreateCommand();
            clear.Transaction = transaction;
            clear.CommandText = "DELETE FROM access_heads WHERE panel = $panel";
            clear.Parameters.AddWithValue("$panel", panelId);
            clear.ExecuteNonQuery();
            using var insert = _connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = "INSERT INTO access_heads (panel, seq, hash) VALUES ($panel, $seq, $hash)";
            insert.Parameters.AddWithValue("$panel", panelId);
            var seqParameter = insert.Parameters.Add("$seq", SqliteType.Integer);
            var hashParameter = insert.Parameters.Add("$hash", SqliteType.Text);
            foreach (var (seq, hash) in heads)
            {
                (seqParameter.Value, hashParameter.Value) = (seq, hash);
                insert.ExecuteNonQuery();
            }
        });

    /// <summary>One transaction at synchronous=NORMAL (the next FULL commit syncs it too), then FULL again.</summary>
    private void WithoutOwnFsync(Action<SqliteTransaction> body)
    {
        lock (_lock)
        {
            Execute(_connection, "PRAGMA synchronous=NORMAL;");
            try
            {
                using var transaction = _connection.BeginTransaction();
                body(transaction);
                transaction.Commit();
            }
            finally
            {
                Execute(_connection, "PRAGMA synchronous=FULL;");
            }
        }
    }

    private SqliteCommand KeyCommand(string sql, SqliteTransaction? transaction)
    {
        var command = _connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.Parameters.Add(new SqliteParameter { ParameterName = "$panel" });
        command.Parameters.Add(new SqliteParameter { ParameterName = "$seq" });
        command.Prepare();
        return command;
    }

    /// <summary>
    /// Station files made before the column existed: their rows were all printed (line, then ack). The default only
    /// fills those rows; every insert sets <c>printed = 0</c> itself.
    /// </summary>
    private static void AddPrintedColumn(SqliteConnection connection)
    {
        using var check = connection.CreateCommand();
        check.CommandText = "SELECT count(*) FROM pragma_table_info('events') WHERE name = 'printed'";
        if ((long)check.ExecuteScalar()! == 0)
        {
            Execute(connection, "ALTER TABLE events ADD COLUMN printed INTEGER NOT NULL DEFAULT 1");
        }
    }

    private SqliteCommand InsertCommand(SqliteTransaction transaction)
    {
        var command = _connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT OR IGNORE INTO events (panel, seq, kind, zone, user, detail, at, sia, cid, received, printed)
            VALUES ($panel, $seq, $kind, $zone, $user, $detail, $at, $sia, $cid, $received, 0)
            """;
        foreach (var name in (string[])["$panel", "$seq", "$kind", "$zone", "$user", "$detail", "$at", "$sia", "$cid", "$received"])
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        command.Prepare();
        return command;
    }

    private static void Bind(SqliteCommand command, string panelId, EventPayload payload, DateTimeOffset received)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var p = command.Parameters;
        p["$panel"].Value = panelId;
        p["$seq"].Value = payload.Seq;
        p["$kind"].Value = payload.Kind;
        p["$zone"].Value = (object?)payload.Zone ?? DBNull.Value;
        p["$user"].Value = (object?)payload.User ?? DBNull.Value;
        p["$detail"].Value = (object?)payload.Detail ?? DBNull.Value;
        p["$at"].Value = Iso(payload.At);
        p["$sia"].Value = (object?)payload.Sia ?? DBNull.Value;
        p["$cid"].Value = (object?)payload.Cid ?? DBNull.Value;
        p["$received"].Value = Iso(received);
    }

    /// <summary>How many events of <paramref name="panelId"/> are stored.</summary>
    public long CountEvents(string panelId)
    {
        lock (_lock)
        {
            using var command = _connection.CreateCommand();
            command.CommandText = "SELECT COUNT(*) FROM events WHERE panel = $panel";
            command.Parameters.AddWithValue("$panel", panelId);
            return (long)command.ExecuteScalar()!;
        }
    }

    /// <inheritdoc />
    public uint TakeNextEpoch()
    {
        lock (_lock)
        {
            using var command = _connection.CreateCommand();
            command.CommandText = """
                INSERT INTO epoch (id, value) VALUES (1, 1) ON CONFLICT (id) DO UPDATE SET value = value + 1;
                SELECT value FROM epoch WHERE id = 1;
                """;
            return checked((uint)(long)command.ExecuteScalar()!);
        }
    }

    /// <summary>SQLite's <c>synchronous</c> level on the receipt connection (2 = FULL): every receipt waits for the disk.</summary>
    public long SynchronousLevel
    {
        get
        {
            lock (_lock)
            {
                using var command = _connection.CreateCommand();
                command.CommandText = "PRAGMA synchronous;";
                return (long)command.ExecuteScalar()!;
            }
        }
    }

    public void Dispose() => _connection.Dispose();

    private static string Iso(DateTimeOffset instant) =>
        instant.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
