using Microsoft.Data.Sqlite;
using PanelAgent.Core.Events;
using PanelAgent.Storage.Serialization;

namespace PanelAgent.Storage;

/// <summary>The read side (IPanelLogs).</summary>
public sealed partial class SqliteEventStore
{
    private const string EventColumns = "e.seq, e.at_utc, e.kind, e.zone, e.user_number, e.detail";

    public IReadOnlyList<StoredEvent> ReadArmLog() => Run("read arm log", connection =>
        Query(connection, $"SELECT {EventColumns} FROM arm_log a JOIN events e ON e.seq = a.seq ORDER BY a.seq"));

    public IReadOnlyList<StoredEvent> ReadAlarmHistory() => Run("read alarm history", connection =>
        Query(connection,
            $"SELECT {EventColumns} FROM alarm_history h JOIN events e ON e.seq = h.seq ORDER BY h.seq"));

    public IReadOnlyList<StoredEvent> ReadEvents(long afterSequence, int max)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(max);
        return Run("read events", connection => Query(connection,
            $"SELECT {EventColumns} FROM events e WHERE e.seq > $after ORDER BY e.seq LIMIT $max",
            ("$after", afterSequence), ("$max", max)));
    }

    private static List<StoredEvent> Query(SqliteConnection connection, string sql,
        params (string Name, object Value)[] parameters)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        using var reader = command.ExecuteReader();
        var events = new List<StoredEvent>();
        while (reader.Read())
        {
            events.Add(ReadEvent(reader));
        }

        return events;
    }

    private static StoredEvent ReadEvent(SqliteDataReader reader) => new(reader.GetInt64(0), new PanelEvent(
        Kind: reader.GetString(2),
        At: StorageFormat.FromUnixMs(reader.GetInt64(1)),
        Zone: reader.IsDBNull(3) ? null : reader.GetString(3),
        User: reader.IsDBNull(4) ? null : reader.GetInt32(4),
        Detail: reader.IsDBNull(5) ? null : reader.GetString(5)));
}
