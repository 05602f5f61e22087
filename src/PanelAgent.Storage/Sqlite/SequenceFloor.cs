using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace PanelAgent.Storage.Sqlite;

/// <summary>
/// After a quarantine the fresh log must not hand out sequences this panel has used before: the station
/// de-duplicates by (panel, seq), so a new event with an old event's seq is acknowledged and dropped as a duplicate
/// (found by the fault campaign, docs/faults.md, "database corrupted between runs"). The fresh log starts above the
/// highest sequence still readable in the damaged file and above the quarantine time in microseconds since 1970,
/// which no earlier log reached unless it averaged over 1 000 events a millisecond or the clock went back since
/// (the readable part of the damaged file covers the latter where it can).
/// </summary>
internal static partial class SequenceFloor
{
    /// <summary>Sets AUTOINCREMENT's high-water mark of the fresh <c>events</c> table; returns it (the next seq is one more).</summary>
    public static long Apply(SqliteConnection fresh, string quarantinedPath, TimeProvider time, ILogger logger)
    {
        var readable = TryReadHighest(quarantinedPath);
        var floor = Math.Max(readable, time.GetUtcNow().ToUnixTimeMilliseconds() * 1000);
        SqliteSql.Execute(fresh, "DELETE FROM sqlite_sequence WHERE name = 'events'");
        SqliteSql.Execute(fresh, "INSERT INTO sqlite_sequence (name, seq) VALUES ('events', $floor)", ("$floor", floor));
        Applied(logger, floor, readable);
        return floor;
    }

    private static long TryReadHighest(string path)
    {
        var builder = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false };
        try
        {
            using var connection = new SqliteConnection(builder.ToString());
            connection.Open();
            return SqliteSql.Scalar(connection,
                "SELECT max(coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'events'), 0), " +
                "coalesce((SELECT max(seq) FROM events), 0))") is long highest ? highest : 0;
        }
        catch (SqliteException)
        {
            return 0; // too damaged to tell: the time floor stands alone
        }
    }

    [LoggerMessage(9210, LogLevel.Warning,
        "The fresh event log starts after sequence {Floor} (highest readable in the damaged file: {Readable}), so the station cannot take new events for old ones")]
    private static partial void Applied(ILogger logger, long floor, long readable);
}
