using Microsoft.Data.Sqlite;

namespace PanelAgent.Faults;

/// <summary>Reads panel-station's own database (docs/station.md), to tell why an event never reached its stdout.</summary>
internal static class StationDatabase
{
    /// <summary>How many of <paramref name="events"/> the station's <c>events</c> table holds (by panel, seq and kind).</summary>
    public static long Holding(string path, IEnumerable<EventKey> events)
    {
        if (!File.Exists(path))
        {
            return 0;
        }

        var builder = new SqliteConnectionStringBuilder { DataSource = path, Pooling = false, Mode = SqliteOpenMode.ReadWrite };
        using var connection = new SqliteConnection(builder.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM events WHERE panel = $panel AND seq = $seq AND kind = $kind";
        command.Parameters.AddWithValue("$panel", RigFiles.PanelId);
        var seq = command.Parameters.Add("$seq", SqliteType.Integer);
        var kind = command.Parameters.Add("$kind", SqliteType.Text);
        long held = 0;
        foreach (var e in events)
        {
            seq.Value = e.Seq;
            kind.Value = e.Kind;
            held += (long)command.ExecuteScalar()!;
        }

        return held;
    }
}
