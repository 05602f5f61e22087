using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace PanelAgent.Tests.Support;

/// <summary>
/// What a panel database holds, read with a connection of its own (no pool, so the file is closed afterwards):
/// the full integrity check, the event log and the persisted state's open troubles.
/// </summary>
internal sealed record DatabaseSnapshot(
    string IntegrityCheck, IReadOnlyList<DatabaseSnapshot.Row> Events, IReadOnlyList<string> OpenTroubles)
{
    public static DatabaseSnapshot Read(string path)
    {
        var builder = new SqliteConnectionStringBuilder { DataSource = path, Pooling = false, Mode = SqliteOpenMode.ReadWrite };
        using var connection = new SqliteConnection(builder.ToString());
        connection.Open();
        var integrity = string.Join("; ", Query(connection, "PRAGMA integrity_check", r => r.GetString(0)));
        var events = Query(connection, "SELECT seq, kind, zone FROM events ORDER BY seq",
            r => new Row(r.GetInt64(0), r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2)));
        var json = Query(connection, "SELECT json FROM panel_state WHERE id = 1", r => r.GetString(0)).SingleOrDefault();
        var troubles = new List<string>();
        if (json is not null)
        {
            using var state = JsonDocument.Parse(json);
            troubles.AddRange(state.RootElement.GetProperty("openTroubles").EnumerateArray().Select(t => t.GetString()!));
        }

        return new DatabaseSnapshot(integrity, events, troubles);
    }

    private static List<T> Query<T>(SqliteConnection connection, string sql, Func<SqliteDataReader, T> read)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    internal sealed record Row(long Sequence, string Kind, string? Zone);
}
