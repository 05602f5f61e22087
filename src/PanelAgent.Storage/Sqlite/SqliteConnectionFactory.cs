using System.Globalization;
using Microsoft.Data.Sqlite;

namespace PanelAgent.Storage.Sqlite;

/// <summary>Opens connections to one file with the pragmas every PanelAgent connection needs.</summary>
/// <param name="Path">Full path of the database file.</param>
/// <param name="BusyTimeout">How long a statement waits for another connection's lock.</param>
internal sealed record SqliteConnectionFactory(string Path, TimeSpan BusyTimeout)
{
    /// <summary>Opens and configures a connection.</summary>
    /// <param name="create">
    /// True only at start-up. A reopen after a failure must not silently create an empty file in place of one that
    /// vanished: it fails instead, and the host sees trouble.storage.
    /// </param>
    public SqliteConnection Open(bool create)
    {
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            Mode = create ? SqliteOpenMode.ReadWriteCreate : SqliteOpenMode.ReadWrite,
            // The store holds its connection for its whole life, so a pool buys nothing; it would only keep the file
            // open after Dispose, which blocks the checkpoint on close and makes quarantine moves unsafe.
            Pooling = false,
            // Microsoft.Data.Sqlite retries SQLITE_BUSY itself for this many whole seconds (0 would mean forever).
            DefaultTimeout = (int)Math.Ceiling(BusyTimeout.TotalSeconds),
        };
        var connection = new SqliteConnection(builder.ToString());
        try
        {
            connection.Open();
            Configure(connection);
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    private void Configure(SqliteConnection connection)
    {
        var busyMs = ((long)BusyTimeout.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);
        // synchronous is a per-connection setting, not stored in the file, so it is set on every open. FULL: in WAL
        // mode NORMAL can lose the last commits on a power cut, FULL cannot (P13, DEPENDENCY-NOTES).
        // secure_delete: pruned arm/disarm entries (P7) and replaced user labels are overwritten with zeros instead of
        // lingering in free pages; the cost is small because the freed cells sit on pages written anyway.
        SqliteSql.Execute(connection,
            $"PRAGMA busy_timeout = {busyMs}; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; " +
            "PRAGMA secure_delete = ON;");
    }
}
