using Microsoft.Data.Sqlite;

namespace PanelAgent.Faults;

/// <summary>
/// Reads a panel-agent database with a connection of its own (no pool). Read-only while the agent runs; read-write
/// (but nothing written) when it does not, because a read-only connection cannot rebuild the WAL index a SIGKILL left.
/// </summary>
internal static class PanelDatabase
{
    public static List<EventKey> Events(string path, bool agentRunning) => Query(path, agentRunning,
        "SELECT seq, at_utc, kind, zone FROM events ORDER BY seq",
        r => new EventKey(r.GetInt64(0), r.GetInt64(1), r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3)));

    /// <summary>Rows up to <paramref name="throughSeq"/> the station has not acknowledged yet (and the outbox has not dropped).</summary>
    public static long Unacked(string path, bool agentRunning, long throughSeq) => Query(path, agentRunning,
        "SELECT count(*) FROM events WHERE seq <= $seq AND acked_at IS NULL AND dropped_at IS NULL",
        r => r.GetInt64(0), ("$seq", throughSeq)).Single();

    /// <summary>Rows the outbox dropped by its full-outbox policy: persisted, never sent.</summary>
    public static long Dropped(string path, bool agentRunning) => Query(path, agentRunning,
        "SELECT count(*) FROM events WHERE dropped_at IS NOT NULL", r => r.GetInt64(0)).Single();

    public static long MaxSeq(string path, bool agentRunning) => Query(path, agentRunning, "SELECT coalesce(max(seq), 0) FROM events", r => r.GetInt64(0)).Single();

    public static long ZoneEvents(string path, bool agentRunning, string zone) => Query(path, agentRunning,
        "SELECT count(*) FROM events WHERE zone = $zone", r => r.GetInt64(0), ("$zone", zone)).Single();

    public static long KindEvents(string path, bool agentRunning, string kind) => Query(path, agentRunning,
        "SELECT count(*) FROM events WHERE kind = $kind", r => r.GetInt64(0), ("$kind", kind)).Single();

    private static List<T> Query<T>(string path, bool agentRunning, string sql, Func<SqliteDataReader, T> read,
        params (string Name, object Value)[] parameters)
    {
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Pooling = false,
            Mode = agentRunning ? SqliteOpenMode.ReadOnly : SqliteOpenMode.ReadWrite,
            DefaultTimeout = 10,
        };
        using var connection = new SqliteConnection(builder.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
        {
            rows.Add(read(reader));
        }

        return rows;
    }
}
